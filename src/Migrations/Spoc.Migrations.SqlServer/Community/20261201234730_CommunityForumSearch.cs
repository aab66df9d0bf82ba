using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Community
{
    /// <inheritdoc />
    public partial class CommunityForumSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // EF cannot model full-text indexes, and SQL Server creates them outside a transaction (docs/adr/0023).
            migrationBuilder.Sql("CREATE FULLTEXT CATALOG ForumCatalog WITH ACCENT_SENSITIVITY = OFF;", suppressTransaction: true);
            migrationBuilder.Sql("CREATE FULLTEXT INDEX ON community.ForumPosts (Body LANGUAGE 0) KEY INDEX PK_ForumPosts ON ForumCatalog WITH CHANGE_TRACKING AUTO;", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FULLTEXT INDEX ON community.ForumPosts;", suppressTransaction: true);
            migrationBuilder.Sql("DROP FULLTEXT CATALOG ForumCatalog;", suppressTransaction: true);
        }
    }
}
