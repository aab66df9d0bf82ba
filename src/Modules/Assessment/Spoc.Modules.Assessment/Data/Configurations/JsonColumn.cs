using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Spoc.Modules.Assessment.Data.Configurations;

/// <summary>A list read and replaced as a whole with its row (quiz questions, quiz answers): one JSON document, no table of its own.</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static PropertyBuilder<List<T>> HasJsonConversion<T>(this PropertyBuilder<List<T>> property, int maxLength) =>
        property.HasConversion(
                list => JsonSerializer.Serialize(list, Json),
                text => string.IsNullOrEmpty(text) ? new List<T>() : JsonSerializer.Deserialize<List<T>>(text, Json) ?? new List<T>(), // "": a row from before the column
                new ValueComparer<List<T>>(
                    (x, y) => JsonSerializer.Serialize(x, Json) == JsonSerializer.Serialize(y, Json),
                    list => JsonSerializer.Serialize(list, Json).GetHashCode(StringComparison.Ordinal),
                    list => list.ToList()))
            .HasMaxLength(maxLength);
}
