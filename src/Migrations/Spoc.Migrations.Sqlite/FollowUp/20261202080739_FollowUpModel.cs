using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.FollowUp
{
    /// <inheritdoc />
    public partial class FollowUpModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FollowUpActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CohortId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LearnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExtensionDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ResourceUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DoneBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpActions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpInbox",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpInbox", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "FollowUpLearnerEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CohortId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LearnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpLearnerEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CohortId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LearnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EditedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpOutbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpOutbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpRiskRules",
                columns: table => new
                {
                    CohortId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rules = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpRiskRules", x => x.CohortId);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpSignals",
                columns: table => new
                {
                    CohortId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LearnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MentorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    FollowedFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ActivitiesDone = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivitiesExpected = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivitiesTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    MissedDeadlines = table.Column<int>(type: "INTEGER", nullable: false),
                    LateSubmissions = table.Column<int>(type: "INTEGER", nullable: false),
                    AverageGrade = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    GradeTrend = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    AttendanceRate = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    Absences = table.Column<int>(type: "INTEGER", nullable: false),
                    ForumPosts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastContactAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LevelChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpSignals", x => new { x.CohortId, x.LearnerId });
                });

            migrationBuilder.CreateTable(
                name: "FollowUpSkills",
                columns: table => new
                {
                    CohortId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LearnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompetencyCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Mastery = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    ActivitiesDone = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivitiesTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    AcquiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpSkills", x => new { x.CohortId, x.LearnerId, x.CompetencyCode });
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpActions_CohortId_LearnerId_DueOn",
                table: "FollowUpActions",
                columns: new[] { "CohortId", "LearnerId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpLearnerEvents_CohortId_LearnerId_At",
                table: "FollowUpLearnerEvents",
                columns: new[] { "CohortId", "LearnerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpLearnerEvents_CohortId_LearnerId_Kind_SubjectId",
                table: "FollowUpLearnerEvents",
                columns: new[] { "CohortId", "LearnerId", "Kind", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpNotes_CohortId_LearnerId_CreatedAt",
                table: "FollowUpNotes",
                columns: new[] { "CohortId", "LearnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpOutbox_ProcessedAt_NextAttemptAt",
                table: "FollowUpOutbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpSignals_CohortId_MentorId",
                table: "FollowUpSignals",
                columns: new[] { "CohortId", "MentorId" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpSkills_LearnerId",
                table: "FollowUpSkills",
                column: "LearnerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpActions");

            migrationBuilder.DropTable(
                name: "FollowUpInbox");

            migrationBuilder.DropTable(
                name: "FollowUpLearnerEvents");

            migrationBuilder.DropTable(
                name: "FollowUpNotes");

            migrationBuilder.DropTable(
                name: "FollowUpOutbox");

            migrationBuilder.DropTable(
                name: "FollowUpRiskRules");

            migrationBuilder.DropTable(
                name: "FollowUpSignals");

            migrationBuilder.DropTable(
                name: "FollowUpSkills");
        }
    }
}
