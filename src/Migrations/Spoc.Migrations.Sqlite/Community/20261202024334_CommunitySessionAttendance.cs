using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Community
{
    /// <inheritdoc />
    public partial class CommunitySessionAttendance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AttendanceVersion",
                table: "LiveSessions",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "CheckInCode",
                table: "LiveSessions",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LiveSessionAttendance",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveSessionAttendance", x => new { x.SessionId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "LiveSessionCheckInAttempts",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveSessionCheckInAttempts", x => new { x.SessionId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "LiveSessionReminders",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "LiveSessionAttendance");

            migrationBuilder.DropTable(
                name: "LiveSessionCheckInAttempts");

            migrationBuilder.DropTable(
                name: "LiveSessionReminders");

            migrationBuilder.DropColumn(
                name: "AttendanceVersion",
                table: "LiveSessions");

            migrationBuilder.DropColumn(
                name: "CheckInCode",
                table: "LiveSessions");
        }
    }
}
