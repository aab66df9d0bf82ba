using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Community
{
    /// <inheritdoc />
    public partial class CommunityLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LockedBy",
                table: "CommunityOutbox",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LockedUntil",
                table: "CommunityOutbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommunityScheduledRuns",
                columns: table => new
                {
                    Job = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeldBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RunningUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityScheduledRuns", x => x.Job);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommunityScheduledRuns");

            migrationBuilder.DropColumn(
                name: "LockedBy",
                table: "CommunityOutbox");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "CommunityOutbox");
        }
    }
}
