using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.FollowUp
{
    /// <inheritdoc />
    public partial class FollowUpLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LockedBy",
                table: "FollowUpOutbox",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LockedUntil",
                table: "FollowUpOutbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FollowUpScheduledRuns",
                columns: table => new
                {
                    Job = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeldBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RunningUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpScheduledRuns", x => x.Job);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpScheduledRuns");

            migrationBuilder.DropColumn(
                name: "LockedBy",
                table: "FollowUpOutbox");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "FollowUpOutbox");
        }
    }
}
