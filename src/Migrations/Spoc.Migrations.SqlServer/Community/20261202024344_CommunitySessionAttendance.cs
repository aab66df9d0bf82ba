using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Community
{
    /// <inheritdoc />
    public partial class CommunitySessionAttendance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AttendanceVersion",
                schema: "community",
                table: "LiveSessions",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "CheckInCode",
                schema: "community",
                table: "LiveSessions",
                type: "nvarchar(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LiveSessionAttendance",
                schema: "community",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CheckedInAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveSessionAttendance", x => new { x.SessionId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "LiveSessionCheckInAttempts",
                schema: "community",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false),
                    LastAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveSessionCheckInAttempts", x => new { x.SessionId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "LiveSessionReminders",
                schema: "community",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveSessionReminders", x => new { x.SessionId, x.UserId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiveSessionAttendance",
                schema: "community");

            migrationBuilder.DropTable(
                name: "LiveSessionCheckInAttempts",
                schema: "community");

            migrationBuilder.DropTable(
                name: "LiveSessionReminders",
                schema: "community");

            migrationBuilder.DropColumn(
                name: "AttendanceVersion",
                schema: "community",
                table: "LiveSessions");

            migrationBuilder.DropColumn(
                name: "CheckInCode",
                schema: "community",
                table: "LiveSessions");
        }
    }
}
