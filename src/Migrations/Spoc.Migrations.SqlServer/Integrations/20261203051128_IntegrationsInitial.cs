using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Integrations
{
    /// <inheritdoc />
    public partial class IntegrationsInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "integrations");

            migrationBuilder.CreateTable(
                name: "IntegrationsInbox",
                schema: "integrations",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Handler = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    HandledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationsInbox", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "IntegrationsOutbox",
                schema: "integrations",
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
                    table.PrimaryKey("PK_IntegrationsOutbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IntegrationsWebhookEndpoints",
                schema: "integrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Url = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    EventTypes = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    FailingSince = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DisabledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationsWebhookEndpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IntegrationsWebhookMessages",
                schema: "integrations",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MessageId = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    EventType = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationsWebhookMessages", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "IntegrationsWebhookSecrets",
                schema: "integrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EndpointId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Protected = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Hint = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationsWebhookSecrets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntegrationsWebhookSecrets_IntegrationsWebhookEndpoints_EndpointId",
                        column: x => x.EndpointId,
                        principalSchema: "integrations",
                        principalTable: "IntegrationsWebhookEndpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntegrationsWebhookDeliveries",
                schema: "integrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EndpointId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MessageSequence = table.Column<long>(type: "bigint", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Ping = table.Column<bool>(type: "bit", nullable: false),
                    LastStatusCode = table.Column<int>(type: "int", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationsWebhookDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntegrationsWebhookDeliveries_IntegrationsWebhookEndpoints_EndpointId",
                        column: x => x.EndpointId,
                        principalSchema: "integrations",
                        principalTable: "IntegrationsWebhookEndpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IntegrationsWebhookDeliveries_IntegrationsWebhookMessages_MessageSequence",
                        column: x => x.MessageSequence,
                        principalSchema: "integrations",
                        principalTable: "IntegrationsWebhookMessages",
                        principalColumn: "Sequence",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IntegrationsWebhookAttempts",
                schema: "integrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DeliveryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    StatusCode = table.Column<int>(type: "int", nullable: true),
                    DurationMs = table.Column<int>(type: "int", nullable: false),
                    Error = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ResponseExcerpt = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationsWebhookAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntegrationsWebhookAttempts_IntegrationsWebhookDeliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalSchema: "integrations",
                        principalTable: "IntegrationsWebhookDeliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsOutbox_ProcessedAt_NextAttemptAt",
                schema: "integrations",
                table: "IntegrationsOutbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookAttempts_DeliveryId_At",
                schema: "integrations",
                table: "IntegrationsWebhookAttempts",
                columns: new[] { "DeliveryId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookDeliveries_EndpointId_CreatedAt",
                schema: "integrations",
                table: "IntegrationsWebhookDeliveries",
                columns: new[] { "EndpointId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookDeliveries_EndpointId_MessageSequence",
                schema: "integrations",
                table: "IntegrationsWebhookDeliveries",
                columns: new[] { "EndpointId", "MessageSequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookDeliveries_EndpointId_Subject_MessageSequence",
                schema: "integrations",
                table: "IntegrationsWebhookDeliveries",
                columns: new[] { "EndpointId", "Subject", "MessageSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookDeliveries_MessageSequence",
                schema: "integrations",
                table: "IntegrationsWebhookDeliveries",
                column: "MessageSequence");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookDeliveries_State_NextAttemptAt",
                schema: "integrations",
                table: "IntegrationsWebhookDeliveries",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookEndpoints_OrganizationId",
                schema: "integrations",
                table: "IntegrationsWebhookEndpoints",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookMessages_OccurredAt",
                schema: "integrations",
                table: "IntegrationsWebhookMessages",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookMessages_OrganizationId_MessageId",
                schema: "integrations",
                table: "IntegrationsWebhookMessages",
                columns: new[] { "OrganizationId", "MessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookSecrets_EndpointId",
                schema: "integrations",
                table: "IntegrationsWebhookSecrets",
                column: "EndpointId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntegrationsInbox",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "IntegrationsOutbox",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "IntegrationsWebhookAttempts",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "IntegrationsWebhookSecrets",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "IntegrationsWebhookDeliveries",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "IntegrationsWebhookEndpoints",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "IntegrationsWebhookMessages",
                schema: "integrations");
        }
    }
}
