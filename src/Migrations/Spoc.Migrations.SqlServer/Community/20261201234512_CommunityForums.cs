using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Community
{
    /// <inheritdoc />
    public partial class CommunityForums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ForumPosts",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ByStaff = table.Column<bool>(type: "bit", nullable: false),
                    ReplyToPostId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    BodyHtml = table.Column<string>(type: "nvarchar(max)", maxLength: 80000, nullable: false),
                    MentionedUserIds = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Attachments = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EditedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DeletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    HiddenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    HiddenReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    HiddenById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumPosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ForumReactions",
                schema: "community",
                columns: table => new
                {
                    PostId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Emoji = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumReactions", x => new { x.PostId, x.UserId, x.Emoji });
                });

            migrationBuilder.CreateTable(
                name: "ForumReadMarkers",
                schema: "community",
                columns: table => new
                {
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LastReadNumber = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumReadMarkers", x => new { x.ThreadId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "ForumThreads",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AuthorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastPostAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PostCount = table.Column<int>(type: "int", nullable: false),
                    IsAnnouncement = table.Column<bool>(type: "bit", nullable: false),
                    IsPinned = table.Column<bool>(type: "bit", nullable: false),
                    IsLocked = table.Column<bool>(type: "bit", nullable: false),
                    AnswerPostId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AnsweredByStaff = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumThreads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ForumThreadAudiences",
                schema: "community",
                columns: table => new
                {
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumThreadAudiences", x => new { x.ThreadId, x.GroupId });
                    table.ForeignKey(
                        name: "FK_ForumThreadAudiences_ForumThreads_ThreadId",
                        column: x => x.ThreadId,
                        principalSchema: "community",
                        principalTable: "ForumThreads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ForumPosts_CohortId",
                schema: "community",
                table: "ForumPosts",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_ForumPosts_ThreadId_Number",
                schema: "community",
                table: "ForumPosts",
                columns: new[] { "ThreadId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ForumReadMarkers_UserId",
                schema: "community",
                table: "ForumReadMarkers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ForumThreads_CohortId_IsPinned_LastPostAt",
                schema: "community",
                table: "ForumThreads",
                columns: new[] { "CohortId", "IsPinned", "LastPostAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ForumPosts",
                schema: "community");

            migrationBuilder.DropTable(
                name: "ForumReactions",
                schema: "community");

            migrationBuilder.DropTable(
                name: "ForumReadMarkers",
                schema: "community");

            migrationBuilder.DropTable(
                name: "ForumThreadAudiences",
                schema: "community");

            migrationBuilder.DropTable(
                name: "ForumThreads",
                schema: "community");
        }
    }
}
