using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Assessment
{
    /// <inheritdoc />
    public partial class AssessmentRubrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RubricScores",
                schema: "assessment",
                table: "Grades",
                type: "nvarchar(max)",
                maxLength: 100000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "After_RubricScores",
                schema: "assessment",
                table: "GradeChanges",
                type: "nvarchar(max)",
                maxLength: 100000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Before_RubricScores",
                schema: "assessment",
                table: "GradeChanges",
                type: "nvarchar(max)",
                maxLength: 100000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rubric",
                schema: "assessment",
                table: "Assignments",
                type: "nvarchar(max)",
                maxLength: 100000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "RubricTemplates",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Criteria = table.Column<string>(type: "nvarchar(max)", maxLength: 100000, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RubricTemplates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Grades_CohortId_Status",
                schema: "assessment",
                table: "Grades",
                columns: new[] { "CohortId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RubricTemplates_OrganizationId_Title",
                schema: "assessment",
                table: "RubricTemplates",
                columns: new[] { "OrganizationId", "Title" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RubricTemplates",
                schema: "assessment");

            migrationBuilder.DropIndex(
                name: "IX_Grades_CohortId_Status",
                schema: "assessment",
                table: "Grades");

            migrationBuilder.DropColumn(
                name: "RubricScores",
                schema: "assessment",
                table: "Grades");

            migrationBuilder.DropColumn(
                name: "After_RubricScores",
                schema: "assessment",
                table: "GradeChanges");

            migrationBuilder.DropColumn(
                name: "Before_RubricScores",
                schema: "assessment",
                table: "GradeChanges");

            migrationBuilder.DropColumn(
                name: "Rubric",
                schema: "assessment",
                table: "Assignments");
        }
    }
}
