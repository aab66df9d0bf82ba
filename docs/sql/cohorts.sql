IF OBJECT_ID(N'[cohorts].[__EFMigrationsHistory]') IS NULL
BEGIN
    IF SCHEMA_ID(N'cohorts') IS NULL EXEC(N'CREATE SCHEMA [cohorts];');
    CREATE TABLE [cohorts].[__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151804_CohortsInit'
)
BEGIN
    IF SCHEMA_ID(N'cohorts') IS NULL EXEC(N'CREATE SCHEMA [cohorts];');
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151804_CohortsInit'
)
BEGIN
    CREATE TABLE [cohorts].[CohortsInbox] (
        [EventId] uniqueidentifier NOT NULL,
        [Handler] nvarchar(300) NOT NULL,
        [HandledAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CohortsInbox] PRIMARY KEY ([EventId], [Handler])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151804_CohortsInit'
)
BEGIN
    CREATE TABLE [cohorts].[CohortsOutbox] (
        [Id] uniqueidentifier NOT NULL,
        [Type] nvarchar(400) NOT NULL,
        [Payload] nvarchar(max) NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [NextAttemptAt] datetimeoffset NOT NULL,
        [ProcessedAt] datetimeoffset NULL,
        [Attempts] int NOT NULL,
        [LastError] nvarchar(2000) NULL,
        CONSTRAINT [PK_CohortsOutbox] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151804_CohortsInit'
)
BEGIN
    CREATE INDEX [IX_CohortsOutbox_ProcessedAt_NextAttemptAt] ON [cohorts].[CohortsOutbox] ([ProcessedAt], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151804_CohortsInit'
)
BEGIN
    INSERT INTO [cohorts].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128151804_CohortsInit', N'10.0.15');
END;

COMMIT;
GO

