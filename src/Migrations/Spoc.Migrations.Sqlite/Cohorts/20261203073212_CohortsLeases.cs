using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Cohorts
{
    /// <inheritdoc />
    public partial class CohortsLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LockedBy",
                table: "CohortsOutbox",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LockedUntil",
                table: "CohortsOutbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CohortsScheduledRuns",
                columns: table => new
                {
                    Job = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeldBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RunningUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "CohortsScheduledRuns");

            migrationBuilder.DropColumn(
                name: "LockedBy",
                table: "CohortsOutbox");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "CohortsOutbox");
        }
    }
}
