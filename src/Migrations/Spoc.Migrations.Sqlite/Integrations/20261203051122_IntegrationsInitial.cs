using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Integrations
{
    /// <inheritdoc />
    public partial class IntegrationsInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntegrationsInbox",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationsInbox", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "IntegrationsOutbox",
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
                    table.PrimaryKey("PK_IntegrationsOutbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IntegrationsWebhookEndpoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EventTypes = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FailingSince = table.Column<long>(type: "INTEGER", nullable: true),
                    DisabledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationsWebhookEndpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IntegrationsWebhookMessages",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationsWebhookMessages", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "IntegrationsWebhookSecrets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EndpointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Protected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Hint = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationsWebhookSecrets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntegrationsWebhookSecrets_IntegrationsWebhookEndpoints_EndpointId",
                        column: x => x.EndpointId,
                        principalTable: "IntegrationsWebhookEndpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntegrationsWebhookDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EndpointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Ping = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastStatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationsWebhookDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntegrationsWebhookDeliveries_IntegrationsWebhookEndpoints_EndpointId",
                        column: x => x.EndpointId,
                        principalTable: "IntegrationsWebhookEndpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IntegrationsWebhookDeliveries_IntegrationsWebhookMessages_MessageSequence",
                        column: x => x.MessageSequence,
                        principalTable: "IntegrationsWebhookMessages",
                        principalColumn: "Sequence",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IntegrationsWebhookAttempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeliveryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    DurationMs = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ResponseExcerpt = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationsWebhookAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntegrationsWebhookAttempts_IntegrationsWebhookDeliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "IntegrationsWebhookDeliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsOutbox_ProcessedAt_NextAttemptAt",
                table: "IntegrationsOutbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookAttempts_DeliveryId_At",
                table: "IntegrationsWebhookAttempts",
                columns: new[] { "DeliveryId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookDeliveries_EndpointId_CreatedAt",
                table: "IntegrationsWebhookDeliveries",
                columns: new[] { "EndpointId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookDeliveries_EndpointId_MessageSequence",
                table: "IntegrationsWebhookDeliveries",
                columns: new[] { "EndpointId", "MessageSequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookDeliveries_EndpointId_Subject_MessageSequence",
                table: "IntegrationsWebhookDeliveries",
                columns: new[] { "EndpointId", "Subject", "MessageSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookDeliveries_MessageSequence",
                table: "IntegrationsWebhookDeliveries",
                column: "MessageSequence");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookDeliveries_State_NextAttemptAt",
                table: "IntegrationsWebhookDeliveries",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookEndpoints_OrganizationId",
                table: "IntegrationsWebhookEndpoints",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookMessages_OccurredAt",
                table: "IntegrationsWebhookMessages",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookMessages_OrganizationId_MessageId",
                table: "IntegrationsWebhookMessages",
                columns: new[] { "OrganizationId", "MessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookSecrets_EndpointId",
                table: "IntegrationsWebhookSecrets",
                column: "EndpointId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntegrationsInbox");

            migrationBuilder.DropTable(
                name: "IntegrationsOutbox");

            migrationBuilder.DropTable(
                name: "IntegrationsWebhookAttempts");

            migrationBuilder.DropTable(
                name: "IntegrationsWebhookSecrets");

            migrationBuilder.DropTable(
                name: "IntegrationsWebhookDeliveries");

            migrationBuilder.DropTable(
                name: "IntegrationsWebhookEndpoints");

            migrationBuilder.DropTable(
                name: "IntegrationsWebhookMessages");
        }
    }
}
