namespace Spoc.Modules.Courses.Domain;

/// <summary>What is ordered among its siblings: a course's sections, a section's activities (positions 0..n-1).</summary>
internal interface IPositioned
{
    int Position { get; set; }
}

internal static class Positions
{
    /// <summary>Moves <paramref name="item"/> to <paramref name="position"/> (clamped; null: last) and renumbers 0..n-1.</summary>
    public static void Place<T>(this List<T> siblings, T item, int? position)
        where T : IPositioned
    {
        siblings.Remove(item);
        siblings.Insert(Math.Clamp(position ?? siblings.Count, 0, siblings.Count), item);
        siblings.Renumber();
    }

    /// <summary>Positions 0..n-1 in list order, closing the gap an item left.</summary>
    public static void Renumber<T>(this List<T> siblings)
        where T : IPositioned
    {
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].Position = i;
        }
    }
}
