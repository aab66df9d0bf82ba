using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.FollowUp
{
    /// <inheritdoc />
    public partial class FollowUpModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "followup");

            migrationBuilder.CreateTable(
                name: "FollowUpActions",
                schema: "followup",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LearnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Details = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExtensionDays = table.Column<int>(type: "int", nullable: true),
                    ResourceUrl = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DoneBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DoneAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpActions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpInbox",
                schema: "followup",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Handler = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    HandledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpInbox", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "FollowUpLearnerEvents",
                schema: "followup",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LearnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ActorId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Value = table.Column<decimal>(type: "decimal(7,2)", precision: 7, scale: 2, nullable: true),
                    Detail = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpLearnerEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpNotes",
                schema: "followup",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LearnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    BodyHtml = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EditedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpOutbox",
                schema: "followup",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpOutbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpRiskRules",
                schema: "followup",
                columns: table => new
                {
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Rules = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpRiskRules", x => x.CohortId);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpSignals",
                schema: "followup",
                columns: table => new
                {
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LearnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MentorId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Active = table.Column<bool>(type: "bit", nullable: false),
                    FollowedFrom = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastActivityAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ActivitiesDone = table.Column<int>(type: "int", nullable: false),
                    ActivitiesExpected = table.Column<int>(type: "int", nullable: false),
                    ActivitiesTotal = table.Column<int>(type: "int", nullable: false),
                    MissedDeadlines = table.Column<int>(type: "int", nullable: false),
                    LateSubmissions = table.Column<int>(type: "int", nullable: false),
                    AverageGrade = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: true),
                    GradeTrend = table.Column<decimal>(type: "decimal(6,2)", precision: 6, scale: 2, nullable: true),
                    AttendanceRate = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: true),
                    Absences = table.Column<int>(type: "int", nullable: false),
                    ForumPosts = table.Column<int>(type: "int", nullable: false),
                    LastContactAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Level = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    LevelChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Reasons = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpSignals", x => new { x.CohortId, x.LearnerId });
                });

            migrationBuilder.CreateTable(
                name: "FollowUpSkills",
                schema: "followup",
                columns: table => new
                {
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LearnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CompetencyCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Mastery = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: true),
                    ActivitiesDone = table.Column<int>(type: "int", nullable: false),
                    ActivitiesTotal = table.Column<int>(type: "int", nullable: false),
                    AcquiredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpSkills", x => new { x.CohortId, x.LearnerId, x.CompetencyCode });
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpActions_CohortId_LearnerId_DueOn",
                schema: "followup",
                table: "FollowUpActions",
                columns: new[] { "CohortId", "LearnerId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpLearnerEvents_CohortId_LearnerId_At",
                schema: "followup",
                table: "FollowUpLearnerEvents",
                columns: new[] { "CohortId", "LearnerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpLearnerEvents_CohortId_LearnerId_Kind_SubjectId",
                schema: "followup",
                table: "FollowUpLearnerEvents",
                columns: new[] { "CohortId", "LearnerId", "Kind", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpNotes_CohortId_LearnerId_CreatedAt",
                schema: "followup",
                table: "FollowUpNotes",
                columns: new[] { "CohortId", "LearnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpOutbox_ProcessedAt_NextAttemptAt",
                schema: "followup",
                table: "FollowUpOutbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpSignals_CohortId_MentorId",
                schema: "followup",
                table: "FollowUpSignals",
                columns: new[] { "CohortId", "MentorId" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpSkills_LearnerId",
                schema: "followup",
                table: "FollowUpSkills",
                column: "LearnerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpActions",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "FollowUpInbox",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "FollowUpLearnerEvents",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "FollowUpNotes",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "FollowUpOutbox",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "FollowUpRiskRules",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "FollowUpSignals",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "FollowUpSkills",
                schema: "followup");
        }
    }
}
