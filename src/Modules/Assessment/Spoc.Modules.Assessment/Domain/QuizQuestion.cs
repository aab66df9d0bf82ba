namespace Spoc.Modules.Assessment.Domain;

internal enum QuestionType
{
    /// <summary>One choice, exactly one of them correct.</summary>
    SingleChoice,

    /// <summary>Any number of choices; the points go to the exact set of correct ones.</summary>
    MultipleChoice,

    /// <summary>A number, right within <c>tolerance</c> of <c>answer</c>.</summary>
    Numeric,

    /// <summary>A short text, right when it matches one of <c>accepted</c> (case, accents and surrounding spaces ignored).</summary>
    ShortText,
}

/// <summary>A quiz choice.</summary>
/// <param name="Correct">Whether it is a right answer; withheld (null) from learners until their due date has passed.</param>
internal sealed record QuizChoice(string Text, bool? Correct);

/// <summary>A quiz question, as authors write it and as it is stored; learners get it without its answers until their due date.</summary>
/// <param name="Points">What a right answer earns (0.01 to 1000); a quiz's <c>maxPoints</c> is the sum of its questions'.</param>
/// <param name="Choices">SingleChoice, MultipleChoice: 2 to 20.</param>
/// <param name="Answer">Numeric: the right value (withheld from learners until their due date).</param>
/// <param name="Tolerance">Numeric: how far from <c>answer</c> still counts as right (0 or more; default 0).</param>
/// <param name="Accepted">ShortText: the accepted answers, 1 to 20 (withheld from learners until their due date).</param>
internal sealed record QuizQuestion(
    [property: System.ComponentModel.DataAnnotations.Required] QuestionType? Type, string Prompt, decimal Points,
    IReadOnlyList<QuizChoice>? Choices, decimal? Answer, decimal? Tolerance, IReadOnlyList<string>? Accepted)
{
    /// <summary>The question as a learner may see it before their due date: no correct flag, no answer, no accepted texts.</summary>
    public QuizQuestion WithoutAnswers() =>
        this with { Choices = Choices?.Select(c => c with { Correct = null }).ToList(), Answer = null, Tolerance = null, Accepted = null };
}

/// <summary>A learner's answer to one question of a quiz.</summary>
/// <param name="QuestionIndex">0-based index of the question in the quiz.</param>
/// <param name="ChoiceIndexes">SingleChoice, MultipleChoice: the 0-based indexes of the chosen choices.</param>
/// <param name="Value">Numeric: the number as text ("2.5" or "2,5"); ShortText: the answer.</param>
internal sealed record QuizAnswer(int QuestionIndex, IReadOnlyList<int>? ChoiceIndexes, string? Value);

/// <summary>How a quiz is graded at submission: each question earns all its points or none.</summary>
internal static class QuizScoring
{
    /// <summary>The points earned over the whole quiz; unanswered questions earn nothing.</summary>
    public static decimal Score(IReadOnlyList<QuizQuestion> questions, IEnumerable<QuizAnswer> answers) =>
        answers.Where(a => a.QuestionIndex >= 0 && a.QuestionIndex < questions.Count)
            .Sum(a => IsRight(questions[a.QuestionIndex], a) ? questions[a.QuestionIndex].Points : 0m);

    /// <summary>SingleChoice and MultipleChoice: exactly the correct choices; Numeric: within the tolerance; ShortText: an accepted text, ignoring case, accents and spacing.</summary>
    public static bool IsRight(QuizQuestion question, QuizAnswer answer) => question.Type switch
    {
        QuestionType.SingleChoice or QuestionType.MultipleChoice =>
            (answer.ChoiceIndexes ?? []).Distinct().Order().SequenceEqual(question.Choices!.Select((c, i) => (c, i)).Where(x => x.c.Correct == true).Select(x => x.i)),
        QuestionType.Numeric =>
            decimal.TryParse(answer.Value?.Trim().Replace(',', '.'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && Math.Abs(value - question.Answer!.Value) <= (question.Tolerance ?? 0m),
        QuestionType.ShortText => answer.Value is { } text && question.Accepted!.Any(a => Normalized(a) == Normalized(text)),
        _ => false,
    };

    private static string Normalized(string text)
    {
        var letters = text.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark);
        return string.Join(' ', new string([.. letters]).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
    }
}
