using Spoc.Modules.Assessment.Domain;
using Spoc.SharedKernel.Text;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Assessment.Features.Grading;

/// <summary>How a rubric grades: the chosen levels, checked against the assignment's rubric, and the score they add up to.</summary>
internal static class RubricGrading
{
    /// <summary>
    /// The grader's choices as the grade keeps them (titles, points and competency copied from the rubric), in the rubric's order.
    /// Ids that are not the rubric's are 400 naming the field; releasing needs every criterion.
    /// </summary>
    public static List<RubricScore> Scores(IReadOnlyList<RubricCriterion> rubric, IReadOnlyList<GradeSubmission.RubricChoice> choices, GradeStatus status)
    {
        if (choices.Count > 0 && rubric.Count == 0)
        {
            throw Rules.Invalid("RubricScores", "This assignment has no rubric.");
        }

        var scores = new List<(int Order, RubricScore Score)>();
        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            var order = rubric.ToList().FindIndex(c => c.Id == choice.CriterionId);
            var criterion = order >= 0 ? rubric[order] : throw Rules.Invalid($"RubricScores[{i}].CriterionId", "Not a criterion of this assignment's rubric.");
            var level = criterion.Levels.FirstOrDefault(l => l.Id == choice.LevelId)
                ?? throw Rules.Invalid($"RubricScores[{i}].LevelId", $"Not a level of the criterion \"{criterion.Title}\".");
            var comment = string.IsNullOrWhiteSpace(choice.Comment) ? null : choice.Comment.Trim();
            scores.Add((order, new RubricScore(criterion.Id!.Value, level.Id!.Value, criterion.Title, level.Title, level.Points, criterion.MaxPoints, criterion.CompetencyCode, comment,
                comment is null ? null : Markdown.ToSafeHtml(comment))));
        }

        if (status == GradeStatus.Released && scores.Count > 0 && scores.Count < rubric.Count)
        {
            var missing = rubric.Where(c => scores.All(s => s.Score.CriterionId != c.Id)).Select(c => $"\"{c.Title}\"");
            throw Rules.Invalid("RubricScores", $"Choose a level for every criterion before releasing: {string.Join(", ", missing)}.");
        }

        return scores.OrderBy(s => s.Order).Select(s => s.Score).ToList();
    }

    /// <summary>
    /// The sum of the chosen levels' points, scaled to the assignment's <paramref name="maxPoints"/> when the rubric's full marks
    /// differ (a 12-point rubric on a 20-point assignment: 9 → 15), rounded to 2 decimals. Like any grader's score, it is before the
    /// late penalty, which the gradebook takes off (docs/adr/0020): taking it here too would count it twice.
    /// </summary>
    public static decimal Score(IReadOnlyList<RubricCriterion> rubric, IReadOnlyList<RubricScore> scores, decimal maxPoints)
    {
        var total = new Rubric(rubric).TotalPoints;
        var earned = scores.Sum(s => s.Points);
        var scaled = total == maxPoints ? earned : earned * maxPoints / total;
        return Math.Round(scaled, 2);
    }
}
