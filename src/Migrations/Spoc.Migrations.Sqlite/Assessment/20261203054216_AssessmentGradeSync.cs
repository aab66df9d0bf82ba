using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Assessment
{
    /// <inheritdoc />
    public partial class AssessmentGradeSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "Grades",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Grades written before sync existed last changed when last graded, as far as anyone can tell.
            migrationBuilder.Sql("UPDATE \"Grades\" SET \"UpdatedAt\" = \"GradedAt\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Grades");
        }
    }
}
