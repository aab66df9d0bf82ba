using System.Text.Json.Serialization;
using Spoc.Modules.Assessment.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Assessment.Features.Grading;

/// <summary>The staff's grade of a submission; <c>etag</c> (also the response header of PUT) is its version for <c>If-Match</c>.</summary>
/// <param name="Score">Points out of the assignment's <c>maxPoints</c>.</param>
/// <param name="Feedback">The overall feedback, Markdown as written.</param>
/// <param name="FeedbackHtml">The feedback rendered and sanitised.</param>
/// <param name="Status">Draft (staff only), Released, or ReturnedForRevision (its author may hand in a new attempt).</param>
/// <param name="OverrideReason">Why the computed score (a quiz's, or the rubric's) was changed.</param>
/// <param name="RubricScores">With a rubric: per criterion, the chosen level's title and points out of the criterion's maximum, and the comment.</param>
/// <param name="Adjustment">A group project: the points this learner's score differs from the group's (0: none).</param>
/// <param name="AdjustmentReason">Why it differs.</param>
/// <param name="GradedBy">Who last changed it.</param>
/// <param name="GradedAt">When it last changed.</param>
internal sealed record GradeResponse(
    Guid SubmissionId, decimal Score, string Feedback, string FeedbackHtml, GradeStatus Status, string? OverrideReason, IReadOnlyList<RubricScore> RubricScores, decimal Adjustment,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AdjustmentReason, Guid GradedBy, DateTimeOffset GradedAt, [property: JsonIgnore] Guid Version)
    : IVersioned
{
    /// <summary>The version, as the <c>ETag</c> header gives it: send it as <c>If-Match</c> to change this grade.</summary>
    [JsonPropertyName("etag")]
    public string ETag => ETags.Of(Version);

    public static GradeResponse From(Grade g) =>
        new(g.SubmissionId, g.Score, g.FeedbackMarkdown, g.FeedbackHtml, g.Status, g.OverrideReason, g.RubricScores, g.Adjustment, g.AdjustmentReason, g.GradedBy, g.GradedAt, g.Version);
}
