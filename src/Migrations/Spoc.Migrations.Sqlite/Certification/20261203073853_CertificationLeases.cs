using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Certification
{
    /// <inheritdoc />
    public partial class CertificationLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LockedBy",
                table: "CertificationOutbox",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LockedUntil",
                table: "CertificationOutbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CertificationScheduledRuns",
                columns: table => new
                {
                    Job = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeldBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RunningUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificationScheduledRuns", x => x.Job);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CertificationScheduledRuns");

            migrationBuilder.DropColumn(
                name: "LockedBy",
                table: "CertificationOutbox");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "CertificationOutbox");
        }
    }
}
