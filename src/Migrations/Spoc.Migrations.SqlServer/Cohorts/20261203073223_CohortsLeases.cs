using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Cohorts
{
    /// <inheritdoc />
    public partial class CohortsLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LockedBy",
                schema: "cohorts",
                table: "CohortsOutbox",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LockedUntil",
                schema: "cohorts",
                table: "CohortsOutbox",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CohortsScheduledRuns",
                schema: "cohorts",
                columns: table => new
                {
                    Job = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    HeldBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RunningUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastRunAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortsScheduledRuns", x => x.Job);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CohortsScheduledRuns",
                schema: "cohorts");

            migrationBuilder.DropColumn(
                name: "LockedBy",
                schema: "cohorts",
                table: "CohortsOutbox");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                schema: "cohorts",
                table: "CohortsOutbox");
        }
    }
}
