using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spoc.Api.Infrastructure;

/// <summary>API.md: times are ISO 8601 in UTC with a "Z" (<c>2027-02-01T09:00:00Z</c>), whatever offset a client sent.</summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
