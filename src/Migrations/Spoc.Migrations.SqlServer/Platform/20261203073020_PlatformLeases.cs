using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Platform
{
    /// <inheritdoc />
    public partial class PlatformLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LockedBy",
                schema: "platform",
                table: "PlatformOutbox",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LockedUntil",
                schema: "platform",
                table: "PlatformOutbox",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PlatformScheduledRuns",
                schema: "platform",
                columns: table => new
                {
                    Job = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    HeldBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RunningUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastRunAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlatformScheduledRuns", x => x.Job);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlatformScheduledRuns",
                schema: "platform");

            migrationBuilder.DropColumn(
                name: "LockedBy",
                schema: "platform",
                table: "PlatformOutbox");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                schema: "platform",
                table: "PlatformOutbox");
        }
    }
}
