using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Assessment
{
    /// <inheritdoc />
    public partial class AssessmentGroupProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "GroupId",
                table: "Submissions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HandedInBy",
                table: "Submissions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Adjustment",
                table: "Grades",
                type: "TEXT",
                precision: 7,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "AdjustmentReason",
                table: "Grades",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "After_Adjustment",
                table: "GradeChanges",
                type: "TEXT",
                precision: 7,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "After_AdjustmentReason",
                table: "GradeChanges",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Before_Adjustment",
                table: "GradeChanges",
                type: "TEXT",
                precision: 7,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Before_AdjustmentReason",
                table: "GradeChanges",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_AssignmentId_GroupId_Attempt",
                table: "Submissions",
                columns: new[] { "AssignmentId", "GroupId", "Attempt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Submissions_AssignmentId_GroupId_Attempt",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "GroupId",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "HandedInBy",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "Adjustment",
                table: "Grades");

            migrationBuilder.DropColumn(
                name: "AdjustmentReason",
                table: "Grades");

            migrationBuilder.DropColumn(
                name: "After_Adjustment",
                table: "GradeChanges");

            migrationBuilder.DropColumn(
                name: "After_AdjustmentReason",
                table: "GradeChanges");

            migrationBuilder.DropColumn(
                name: "Before_Adjustment",
                table: "GradeChanges");

            migrationBuilder.DropColumn(
                name: "Before_AdjustmentReason",
                table: "GradeChanges");
        }
    }
}
