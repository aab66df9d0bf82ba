namespace Spoc.Modules.Assessment.Domain;

/// <summary>
/// The gradebook's arithmetic for one learner, apart from the database so that it can be tested by hand and
/// micro-benchmarked (bench/Spoc.Bench/Computations.cs). BCL types only: the bench baseline compiles this very file, so both
/// sides of the comparison compute the same grades. docs/adr/0020-gradebook-arithmetic.md says why each rule is so.
/// </summary>
internal static class GradebookArithmetic
{
    /// <summary>A category of the policy.</summary>
    /// <param name="Weight">Its share of the grade, in percent (a policy's weights add up to 100).</param>
    /// <param name="DropLowest">How many of the learner's lowest results in it do not count; one always counts.</param>
    public readonly record struct Category(decimal Weight, int DropLowest);

    /// <summary>An assignment: the index of its category in the policy (-1: a category the policy does not list, which does not count), its points.</summary>
    public readonly record struct Column(int Category, decimal MaxPoints);

    /// <summary>Where one learner stands on one assignment.</summary>
    /// <param name="Released">The score of their released grade, in points; null when none is released (drafts never count).</param>
    /// <param name="PenaltyPercent">The late penalty still to take off <paramref name="Released"/> (0 when the score already includes it, as a quiz's does).</param>
    /// <param name="Missing">Nothing handed in, and their own due date has passed.</param>
    public readonly record struct Cell(decimal? Released, int PenaltyPercent, bool Missing);

    /// <summary>One learner's grades.</summary>
    /// <param name="Grade">Weighted grade in percent, 2 decimals; null when nothing counts yet.</param>
    /// <param name="Categories">Per category of the policy, in percent, 2 decimals (null: nothing counts in it yet); empty without categories.</param>
    /// <param name="Points">Per assignment, the points earned (after the late penalty; 0 for missing work when it counts as 0); null: none. They count unless dropped or outside the policy's categories.</param>
    /// <param name="Dropped">Per assignment, whether it was dropped as one of the lowest of its category.</param>
    public sealed record Result(decimal? Grade, decimal?[] Categories, decimal?[] Points, bool[] Dropped);

    private static readonly Category[] AllByPoints = [new(100m, 0)];

    /// <summary>
    /// Within a category: the sum of the points that count over the sum of their maximum, after dropping the lowest results
    /// (by their share of their maximum; the earlier column first on a tie). The grade: the categories' percentages weighted,
    /// over the weights of the categories where something counts. Without categories (the default policy) every assignment
    /// counts by its points, as one category.
    /// </summary>
    public static Result Compute(IReadOnlyList<Category> categories, bool missingCountsAsZero, IReadOnlyList<Column> columns, IReadOnlyList<Cell> cells)
    {
        var points = new decimal?[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var cell = cells[i];
            points[i] = cell.Released is { } score ? Round(score * (100 - cell.PenaltyPercent) / 100m)
                : cell.Missing && missingCountsAsZero ? 0m
                : null;
        }

        var byPoints = categories.Count == 0;
        var groups = byPoints ? AllByPoints : categories;
        var percents = new decimal?[groups.Count];
        var dropped = new bool[columns.Count];
        decimal weighted = 0m, weights = 0m;
        var counted = new List<int>(columns.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            counted.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                if ((byPoints || columns[i].Category == g) && points[i] is not null && columns[i].MaxPoints > 0)
                {
                    counted.Add(i);
                }
            }

            if (counted.Count == 0)
            {
                continue;
            }

            foreach (var i in counted.OrderBy(i => points[i]!.Value / columns[i].MaxPoints).ThenBy(i => i).Take(Math.Min(groups[g].DropLowest, counted.Count - 1)))
            {
                dropped[i] = true;
            }

            decimal sum = 0m, max = 0m;
            foreach (var i in counted)
            {
                if (!dropped[i])
                {
                    sum += points[i]!.Value;
                    max += columns[i].MaxPoints;
                }
            }

            var percent = sum / max * 100m;
            percents[g] = percent;
            weighted += groups[g].Weight * percent;
            weights += groups[g].Weight;
        }

        return new Result(
            weights > 0 ? Round(weighted / weights) : null,
            byPoints ? [] : [.. percents.Select(p => p is { } v ? Round(v) : (decimal?)null)],
            points,
            dropped);
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
