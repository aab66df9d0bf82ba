IF OBJECT_ID(N'[integrations].[__EFMigrationsHistory]') IS NULL
BEGIN
    IF SCHEMA_ID(N'integrations') IS NULL EXEC(N'CREATE SCHEMA [integrations];');
    CREATE TABLE [integrations].[__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    IF SCHEMA_ID(N'integrations') IS NULL EXEC(N'CREATE SCHEMA [integrations];');
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE TABLE [integrations].[IntegrationsInbox] (
        [EventId] uniqueidentifier NOT NULL,
        [Handler] nvarchar(300) NOT NULL,
        [HandledAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_IntegrationsInbox] PRIMARY KEY ([EventId], [Handler])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE TABLE [integrations].[IntegrationsOutbox] (
        [Id] uniqueidentifier NOT NULL,
        [Type] nvarchar(400) NOT NULL,
        [Payload] nvarchar(max) NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [NextAttemptAt] datetimeoffset NOT NULL,
        [ProcessedAt] datetimeoffset NULL,
        [Attempts] int NOT NULL,
        [LastError] nvarchar(2000) NULL,
        CONSTRAINT [PK_IntegrationsOutbox] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE TABLE [integrations].[IntegrationsWebhookEndpoints] (
        [Id] uniqueidentifier NOT NULL,
        [OrganizationId] uniqueidentifier NOT NULL,
        [Url] nvarchar(2000) NOT NULL,
        [Description] nvarchar(500) NULL,
        [EventTypes] nvarchar(max) NOT NULL,
        [State] nvarchar(20) NOT NULL,
        [FailingSince] datetimeoffset NULL,
        [DisabledAt] datetimeoffset NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] uniqueidentifier NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_IntegrationsWebhookEndpoints] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE TABLE [integrations].[IntegrationsWebhookMessages] (
        [Sequence] bigint NOT NULL IDENTITY,
        [MessageId] nvarchar(80) NOT NULL,
        [EventType] nvarchar(40) NOT NULL,
        [OrganizationId] uniqueidentifier NOT NULL,
        [Subject] nvarchar(100) NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [Payload] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_IntegrationsWebhookMessages] PRIMARY KEY ([Sequence])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE TABLE [integrations].[IntegrationsWebhookSecrets] (
        [Id] uniqueidentifier NOT NULL,
        [EndpointId] uniqueidentifier NOT NULL,
        [Protected] nvarchar(1000) NOT NULL,
        [Hint] nvarchar(4) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ExpiresAt] datetimeoffset NULL,
        CONSTRAINT [PK_IntegrationsWebhookSecrets] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_IntegrationsWebhookSecrets_IntegrationsWebhookEndpoints_EndpointId] FOREIGN KEY ([EndpointId]) REFERENCES [integrations].[IntegrationsWebhookEndpoints] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE TABLE [integrations].[IntegrationsWebhookDeliveries] (
        [Id] uniqueidentifier NOT NULL,
        [EndpointId] uniqueidentifier NOT NULL,
        [MessageSequence] bigint NOT NULL,
        [Subject] nvarchar(100) NOT NULL,
        [State] nvarchar(20) NOT NULL,
        [Attempts] int NOT NULL,
        [NextAttemptAt] datetimeoffset NOT NULL,
        [Ping] bit NOT NULL,
        [LastStatusCode] int NULL,
        [LastError] nvarchar(1000) NULL,
        [LastAttemptAt] datetimeoffset NULL,
        [DeliveredAt] datetimeoffset NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_IntegrationsWebhookDeliveries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_IntegrationsWebhookDeliveries_IntegrationsWebhookEndpoints_EndpointId] FOREIGN KEY ([EndpointId]) REFERENCES [integrations].[IntegrationsWebhookEndpoints] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_IntegrationsWebhookDeliveries_IntegrationsWebhookMessages_MessageSequence] FOREIGN KEY ([MessageSequence]) REFERENCES [integrations].[IntegrationsWebhookMessages] ([Sequence]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE TABLE [integrations].[IntegrationsWebhookAttempts] (
        [Id] uniqueidentifier NOT NULL,
        [DeliveryId] uniqueidentifier NOT NULL,
        [At] datetimeoffset NOT NULL,
        [StatusCode] int NULL,
        [DurationMs] int NOT NULL,
        [Error] nvarchar(1000) NULL,
        [ResponseExcerpt] nvarchar(1000) NULL,
        CONSTRAINT [PK_IntegrationsWebhookAttempts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_IntegrationsWebhookAttempts_IntegrationsWebhookDeliveries_DeliveryId] FOREIGN KEY ([DeliveryId]) REFERENCES [integrations].[IntegrationsWebhookDeliveries] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE INDEX [IX_IntegrationsOutbox_ProcessedAt_NextAttemptAt] ON [integrations].[IntegrationsOutbox] ([ProcessedAt], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE INDEX [IX_IntegrationsWebhookAttempts_DeliveryId_At] ON [integrations].[IntegrationsWebhookAttempts] ([DeliveryId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE INDEX [IX_IntegrationsWebhookDeliveries_EndpointId_CreatedAt] ON [integrations].[IntegrationsWebhookDeliveries] ([EndpointId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_IntegrationsWebhookDeliveries_EndpointId_MessageSequence] ON [integrations].[IntegrationsWebhookDeliveries] ([EndpointId], [MessageSequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE INDEX [IX_IntegrationsWebhookDeliveries_EndpointId_Subject_MessageSequence] ON [integrations].[IntegrationsWebhookDeliveries] ([EndpointId], [Subject], [MessageSequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE INDEX [IX_IntegrationsWebhookDeliveries_MessageSequence] ON [integrations].[IntegrationsWebhookDeliveries] ([MessageSequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE INDEX [IX_IntegrationsWebhookDeliveries_State_NextAttemptAt] ON [integrations].[IntegrationsWebhookDeliveries] ([State], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE INDEX [IX_IntegrationsWebhookEndpoints_OrganizationId] ON [integrations].[IntegrationsWebhookEndpoints] ([OrganizationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE INDEX [IX_IntegrationsWebhookMessages_OccurredAt] ON [integrations].[IntegrationsWebhookMessages] ([OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_IntegrationsWebhookMessages_OrganizationId_MessageId] ON [integrations].[IntegrationsWebhookMessages] ([OrganizationId], [MessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    CREATE INDEX [IX_IntegrationsWebhookSecrets_EndpointId] ON [integrations].[IntegrationsWebhookSecrets] ([EndpointId]);
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051128_IntegrationsInitial'
)
BEGIN
    INSERT INTO [integrations].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203051128_IntegrationsInitial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073705_IntegrationsDeliveryIndexes'
)
BEGIN
    CREATE INDEX [IX_IntegrationsWebhookDeliveries_EndpointId_LastAttemptAt] ON [integrations].[IntegrationsWebhookDeliveries] ([EndpointId], [LastAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073705_IntegrationsDeliveryIndexes'
)
BEGIN
    CREATE INDEX [IX_IntegrationsWebhookDeliveries_State_DeliveredAt] ON [integrations].[IntegrationsWebhookDeliveries] ([State], [DeliveredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073705_IntegrationsDeliveryIndexes'
)
BEGIN
    INSERT INTO [integrations].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203073705_IntegrationsDeliveryIndexes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203074219_IntegrationsLeases'
)
BEGIN
    ALTER TABLE [integrations].[IntegrationsOutbox] ADD [LockedBy] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203074219_IntegrationsLeases'
)
BEGIN
    ALTER TABLE [integrations].[IntegrationsOutbox] ADD [LockedUntil] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203074219_IntegrationsLeases'
)
BEGIN
    CREATE TABLE [integrations].[IntegrationsScheduledRuns] (
        [Job] nvarchar(200) NOT NULL,
        [HeldBy] nvarchar(100) NULL,
        [RunningUntil] datetimeoffset NULL,
        [LastRunAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_IntegrationsScheduledRuns] PRIMARY KEY ([Job])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [integrations].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203074219_IntegrationsLeases'
)
BEGIN
    INSERT INTO [integrations].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203074219_IntegrationsLeases', N'10.0.15');
END;

COMMIT;
GO

