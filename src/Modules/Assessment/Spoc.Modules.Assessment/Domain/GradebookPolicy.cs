using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Assessment.Domain;

/// <summary>A category of a cohort's gradebook: the assignments whose <c>category</c> has this name (case ignored).</summary>
/// <param name="Name">As the assignments name their category (1 to 50 characters).</param>
/// <param name="Weight">Its share of the grade in percent (0 to 100, 2 decimals); the weights of a policy add up to 100.</param>
/// <param name="DropLowest">How many of a learner's lowest results in it do not count (0 to 50); one always counts.</param>
internal sealed record GradebookCategory(string Name, decimal Weight, int DropLowest);

/// <summary>How a cohort's grades add up (one per cohort); a cohort without one uses <see cref="DefaultFor"/>.</summary>
internal sealed class GradebookPolicy : IVersioned
{
    public const decimal DefaultPassMark = 50m;

    public Guid CohortId { get; init; }

    /// <summary>Empty: every assignment counts by its points (the default).</summary>
    public List<GradebookCategory> Categories { get; set; } = [];

    /// <summary>The grade (percent) from which a learner passes.</summary>
    public decimal PassMark { get; set; } = DefaultPassMark;

    /// <summary>Whether work not handed in by the learner's own due date counts as 0 (otherwise it does not count).</summary>
    public bool MissingCountsAsZero { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>No categories (points), pass mark 50 %, missing work not counted; version empty, which a first PUT may match.</summary>
    public static GradebookPolicy DefaultFor(Guid cohortId) => new() { CohortId = cohortId, Version = Guid.Empty };

    public bool IsDefault => UpdatedAt is null;

    /// <summary>The index of the policy's category named <paramref name="category"/>, -1 when it has none of that name.</summary>
    public int IndexOf(string category) => Categories.FindIndex(c => string.Equals(c.Name, category.Trim(), StringComparison.OrdinalIgnoreCase));

    public GradebookArithmetic.Category[] Arithmetic() => [.. Categories.Select(c => new GradebookArithmetic.Category(c.Weight, c.DropLowest))];
}
