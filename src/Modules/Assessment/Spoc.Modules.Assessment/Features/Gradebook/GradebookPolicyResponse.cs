using System.Text.Json.Serialization;
using Spoc.Modules.Assessment.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Assessment.Features.Gradebook;

/// <summary>How a cohort's grades add up; <c>etag</c> (also the response header) is its version for <c>If-Match</c>.</summary>
/// <param name="Categories">Weighted categories (weights add up to 100); empty: every assignment counts by its points.</param>
/// <param name="PassMark">The grade (percent) from which a learner passes.</param>
/// <param name="MissingCountsAsZero">Whether work not handed in by the learner's own due date counts as 0 (otherwise it does not count).</param>
/// <param name="IsDefault">No policy was set: no categories, pass mark 50, missing work not counted.</param>
internal sealed record GradebookPolicyResponse(
    Guid CohortId, IReadOnlyList<GradebookCategory> Categories, decimal PassMark, bool MissingCountsAsZero, bool IsDefault, [property: JsonIgnore] Guid Version) : IVersioned
{
    /// <summary>The version, as the <c>ETag</c> header gives it: send it as <c>If-Match</c> to change this policy.</summary>
    [JsonPropertyName("etag")]
    public string ETag => ETags.Of(Version);

    public static GradebookPolicyResponse From(GradebookPolicy p) => new(p.CohortId, p.Categories, p.PassMark, p.MissingCountsAsZero, p.IsDefault, p.Version);
}
