using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Spoc.SharedKernel.Persistence;

/// <summary>
/// A list of small immutable records kept in one JSON text column, read and written by System.Text.Json in the text EF's
/// owned JSON types wrote: properties by their C# names, enums by name, decimals as strings ("3.0"). EF's owned JSON mapping (<c>OwnsMany</c> +
/// <c>ToJson</c>) builds and compiles delegates at every query that reads it; a value conversion reads the text as a column
/// (docs/performance.md, session 21). The records must compare by value (C# records do): that is how a change is seen.
/// </summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString,
    };

    public static PropertyBuilder<List<T>> HasJsonColumn<T>(this PropertyBuilder<List<T>> property) => property
        .HasConversion(
            new ValueConverter<List<T>, string>(list => JsonSerializer.Serialize(list, Options), text => JsonSerializer.Deserialize<List<T>>(text, Options) ?? new List<T>()),
            new ValueComparer<List<T>>((a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)), list => list.ToList()))
        .IsRequired();
}
