using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Community
{
    /// <inheritdoc />
    public partial class CommunityForumSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // EF cannot model a virtual table: the FTS5 index of posts and the triggers that keep it (docs/adr/0023).
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ForumPostSearch USING fts5(PostId UNINDEXED, Body, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("INSERT INTO ForumPostSearch (PostId, Body) SELECT Id, Body FROM ForumPosts;");
            migrationBuilder.Sql("CREATE TRIGGER ForumPostSearchInsert AFTER INSERT ON ForumPosts BEGIN INSERT INTO ForumPostSearch (PostId, Body) VALUES (new.Id, new.Body); END;");
            migrationBuilder.Sql("CREATE TRIGGER ForumPostSearchUpdate AFTER UPDATE OF Body ON ForumPosts BEGIN DELETE FROM ForumPostSearch WHERE PostId = old.Id; INSERT INTO ForumPostSearch (PostId, Body) VALUES (new.Id, new.Body); END;");
            migrationBuilder.Sql("CREATE TRIGGER ForumPostSearchDelete AFTER DELETE ON ForumPosts BEGIN DELETE FROM ForumPostSearch WHERE PostId = old.Id; END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER ForumPostSearchDelete;");
            migrationBuilder.Sql("DROP TRIGGER ForumPostSearchUpdate;");
            migrationBuilder.Sql("DROP TRIGGER ForumPostSearchInsert;");
            migrationBuilder.Sql("DROP TABLE ForumPostSearch;");
        }
    }
}
