using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Assessment.Domain;

namespace Spoc.Modules.Assessment.Data.Configurations;

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.ToTable("Assignments");
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.InstructionsMarkdown).HasMaxLength(20_000);
        b.Property(a => a.InstructionsHtml).HasMaxLength(60_000);
        b.Property(a => a.MaxPoints).HasPrecision(7, 2);
        b.Property(a => a.Category).HasMaxLength(50);
        b.Property(a => a.LatePolicy).HasConversion<string>().HasMaxLength(20);

        // A quiz's questions are read and replaced as a whole with their assignment: one JSON document, no table of their own.
        b.Property(a => a.Questions)
            .HasConversion(
                q => JsonSerializer.Serialize(q, Json),
                s => JsonSerializer.Deserialize<List<QuizQuestion>>(s, Json) ?? new List<QuizQuestion>(),
                new ValueComparer<List<QuizQuestion>>((x, y) => JsonSerializer.Serialize(x, Json) == JsonSerializer.Serialize(y, Json), q => JsonSerializer.Serialize(q, Json).GetHashCode(StringComparison.Ordinal), q => q.ToList()))
            .HasMaxLength(200_000);
        b.HasIndex(a => new { a.CohortId, a.DueAt });
    }
}
