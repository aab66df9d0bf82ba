using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Assessment
{
    /// <inheritdoc />
    public partial class AssessmentGroupProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "GroupId",
                schema: "assessment",
                table: "Submissions",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HandedInBy",
                schema: "assessment",
                table: "Submissions",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Adjustment",
                schema: "assessment",
                table: "Grades",
                type: "decimal(7,2)",
                precision: 7,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "AdjustmentReason",
                schema: "assessment",
                table: "Grades",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "After_Adjustment",
                schema: "assessment",
                table: "GradeChanges",
                type: "decimal(7,2)",
                precision: 7,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "After_AdjustmentReason",
                schema: "assessment",
                table: "GradeChanges",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Before_Adjustment",
                schema: "assessment",
                table: "GradeChanges",
                type: "decimal(7,2)",
                precision: 7,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Before_AdjustmentReason",
                schema: "assessment",
                table: "GradeChanges",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_AssignmentId_GroupId_Attempt",
                schema: "assessment",
                table: "Submissions",
                columns: new[] { "AssignmentId", "GroupId", "Attempt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Submissions_AssignmentId_GroupId_Attempt",
                schema: "assessment",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "GroupId",
                schema: "assessment",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "HandedInBy",
                schema: "assessment",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "Adjustment",
                schema: "assessment",
                table: "Grades");

            migrationBuilder.DropColumn(
                name: "AdjustmentReason",
                schema: "assessment",
                table: "Grades");

            migrationBuilder.DropColumn(
                name: "After_Adjustment",
                schema: "assessment",
                table: "GradeChanges");

            migrationBuilder.DropColumn(
                name: "After_AdjustmentReason",
                schema: "assessment",
                table: "GradeChanges");

            migrationBuilder.DropColumn(
                name: "Before_Adjustment",
                schema: "assessment",
                table: "GradeChanges");

            migrationBuilder.DropColumn(
                name: "Before_AdjustmentReason",
                schema: "assessment",
                table: "GradeChanges");
        }
    }
}
