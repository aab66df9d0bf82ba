using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Cohorts
{
    /// <inheritdoc />
    public partial class CohortsAdmission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cohorts",
                schema: "cohorts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CourseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Capacity = table.Column<int>(type: "int", nullable: false),
                    SeatsTaken = table.Column<int>(type: "int", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ApplicationsOpenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ApplicationsCloseAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    TimeZone = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AdmissionMode = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cohorts", x => x.Id);
                    table.CheckConstraint("CK_Cohorts_Seats", "\"SeatsTaken\" >= 0 AND \"SeatsTaken\" <= \"Capacity\"");
                });

            migrationBuilder.CreateTable(
                name: "CohortApplications",
                schema: "cohorts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LiveApplicantId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Motivation = table.Column<string>(type: "nvarchar(max)", maxLength: 5000, nullable: false),
                    AnswersJson = table.Column<string>(type: "nvarchar(max)", maxLength: 50000, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DecisionNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    DecidedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    WaitlistedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CohortApplications_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalSchema: "cohorts",
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CohortGroups",
                schema: "cohorts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CohortGroups_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalSchema: "cohorts",
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CohortInvitations",
                schema: "cohorts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    TokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AcceptedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CohortInvitations_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalSchema: "cohorts",
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CohortOrganizations",
                schema: "cohorts",
                columns: table => new
                {
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortOrganizations", x => new { x.CohortId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_CohortOrganizations_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalSchema: "cohorts",
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CohortMembers",
                schema: "cohorts",
                columns: table => new
                {
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Role = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    MentorId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    GroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    JoinedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortMembers", x => new { x.CohortId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CohortMembers_CohortGroups_GroupId",
                        column: x => x.GroupId,
                        principalSchema: "cohorts",
                        principalTable: "CohortGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CohortMembers_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalSchema: "cohorts",
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CohortApplications_ApplicantId",
                schema: "cohorts",
                table: "CohortApplications",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_CohortApplications_CohortId_LiveApplicantId",
                schema: "cohorts",
                table: "CohortApplications",
                columns: new[] { "CohortId", "LiveApplicantId" },
                unique: true,
                filter: "[LiveApplicantId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CohortApplications_CohortId_Status_WaitlistedAt",
                schema: "cohorts",
                table: "CohortApplications",
                columns: new[] { "CohortId", "Status", "WaitlistedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CohortGroups_CohortId",
                schema: "cohorts",
                table: "CohortGroups",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_CohortInvitations_CohortId",
                schema: "cohorts",
                table: "CohortInvitations",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_CohortInvitations_TokenHash",
                schema: "cohorts",
                table: "CohortInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CohortMembers_GroupId",
                schema: "cohorts",
                table: "CohortMembers",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_CohortMembers_UserId",
                schema: "cohorts",
                table: "CohortMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CohortOrganizations_OrganizationId",
                schema: "cohorts",
                table: "CohortOrganizations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Cohorts_OrganizationId",
                schema: "cohorts",
                table: "Cohorts",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CohortApplications",
                schema: "cohorts");

            migrationBuilder.DropTable(
                name: "CohortInvitations",
                schema: "cohorts");

            migrationBuilder.DropTable(
                name: "CohortMembers",
                schema: "cohorts");

            migrationBuilder.DropTable(
                name: "CohortOrganizations",
                schema: "cohorts");

            migrationBuilder.DropTable(
                name: "CohortGroups",
                schema: "cohorts");

            migrationBuilder.DropTable(
                name: "Cohorts",
                schema: "cohorts");
        }
    }
}
