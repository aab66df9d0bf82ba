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
