using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Assessment
{
    /// <inheritdoc />
    public partial class AssessmentLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LockedBy",
                schema: "assessment",
                table: "AssessmentOutbox",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LockedUntil",
                schema: "assessment",
                table: "AssessmentOutbox",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AssessmentScheduledRuns",
                schema: "assessment",
                columns: table => new
                {
                    Job = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    HeldBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RunningUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastRunAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentScheduledRuns", x => x.Job);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentScheduledRuns",
                schema: "assessment");

            migrationBuilder.DropColumn(
                name: "LockedBy",
                schema: "assessment",
                table: "AssessmentOutbox");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                schema: "assessment",
                table: "AssessmentOutbox");
        }
    }
}
