using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Assessment
{
    /// <inheritdoc />
    public partial class AssessmentRubrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RubricScores",
                table: "Grades",
                type: "TEXT",
                maxLength: 100000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "After_RubricScores",
                table: "GradeChanges",
                type: "TEXT",
                maxLength: 100000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Before_RubricScores",
                table: "GradeChanges",
                type: "TEXT",
                maxLength: 100000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rubric",
                table: "Assignments",
                type: "TEXT",
                maxLength: 100000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "RubricTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Criteria = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RubricTemplates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Grades_CohortId_Status",
                table: "Grades",
                columns: new[] { "CohortId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RubricTemplates_OrganizationId_Title",
                table: "RubricTemplates",
                columns: new[] { "OrganizationId", "Title" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RubricTemplates");

            migrationBuilder.DropIndex(
                name: "IX_Grades_CohortId_Status",
                table: "Grades");

            migrationBuilder.DropColumn(
                name: "RubricScores",
                table: "Grades");

            migrationBuilder.DropColumn(
                name: "After_RubricScores",
                table: "GradeChanges");

            migrationBuilder.DropColumn(
                name: "Before_RubricScores",
                table: "GradeChanges");

            migrationBuilder.DropColumn(
                name: "Rubric",
                table: "Assignments");
        }
    }
}
