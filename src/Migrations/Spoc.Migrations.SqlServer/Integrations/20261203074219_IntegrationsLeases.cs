using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Integrations
{
    /// <inheritdoc />
    public partial class IntegrationsLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LockedBy",
                schema: "integrations",
                table: "IntegrationsOutbox",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LockedUntil",
                schema: "integrations",
                table: "IntegrationsOutbox",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IntegrationsScheduledRuns",
                schema: "integrations",
                columns: table => new
                {
                    Job = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    HeldBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RunningUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastRunAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationsScheduledRuns", x => x.Job);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntegrationsScheduledRuns",
                schema: "integrations");

            migrationBuilder.DropColumn(
                name: "LockedBy",
                schema: "integrations",
                table: "IntegrationsOutbox");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                schema: "integrations",
                table: "IntegrationsOutbox");
        }
    }
}
