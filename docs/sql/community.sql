IF OBJECT_ID(N'[community].[__EFMigrationsHistory]') IS NULL
BEGIN
    IF SCHEMA_ID(N'community') IS NULL EXEC(N'CREATE SCHEMA [community];');
    CREATE TABLE [community].[__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151817_CommunityInit'
)
BEGIN
    IF SCHEMA_ID(N'community') IS NULL EXEC(N'CREATE SCHEMA [community];');
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151817_CommunityInit'
)
BEGIN
    CREATE TABLE [community].[CommunityInbox] (
        [EventId] uniqueidentifier NOT NULL,
        [Handler] nvarchar(300) NOT NULL,
        [HandledAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CommunityInbox] PRIMARY KEY ([EventId], [Handler])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151817_CommunityInit'
)
BEGIN
    CREATE TABLE [community].[CommunityOutbox] (
        [Id] uniqueidentifier NOT NULL,
        [Type] nvarchar(400) NOT NULL,
        [Payload] nvarchar(max) NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [NextAttemptAt] datetimeoffset NOT NULL,
        [ProcessedAt] datetimeoffset NULL,
        [Attempts] int NOT NULL,
        [LastError] nvarchar(2000) NULL,
        CONSTRAINT [PK_CommunityOutbox] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151817_CommunityInit'
)
BEGIN
    CREATE INDEX [IX_CommunityOutbox_ProcessedAt_NextAttemptAt] ON [community].[CommunityOutbox] ([ProcessedAt], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151817_CommunityInit'
)
BEGIN
    INSERT INTO [community].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128151817_CommunityInit', N'10.0.15');
END;

COMMIT;
GO

