IF OBJECT_ID(N'[certification].[__EFMigrationsHistory]') IS NULL
BEGIN
    IF SCHEMA_ID(N'certification') IS NULL EXEC(N'CREATE SCHEMA [certification];');
    CREATE TABLE [certification].[__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151822_CertificationInit'
)
BEGIN
    IF SCHEMA_ID(N'certification') IS NULL EXEC(N'CREATE SCHEMA [certification];');
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151822_CertificationInit'
)
BEGIN
    CREATE TABLE [certification].[CertificationInbox] (
        [EventId] uniqueidentifier NOT NULL,
        [Handler] nvarchar(300) NOT NULL,
        [HandledAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CertificationInbox] PRIMARY KEY ([EventId], [Handler])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151822_CertificationInit'
)
BEGIN
    CREATE TABLE [certification].[CertificationOutbox] (
        [Id] uniqueidentifier NOT NULL,
        [Type] nvarchar(400) NOT NULL,
        [Payload] nvarchar(max) NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [NextAttemptAt] datetimeoffset NOT NULL,
        [ProcessedAt] datetimeoffset NULL,
        [Attempts] int NOT NULL,
        [LastError] nvarchar(2000) NULL,
        CONSTRAINT [PK_CertificationOutbox] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151822_CertificationInit'
)
BEGIN
    CREATE INDEX [IX_CertificationOutbox_ProcessedAt_NextAttemptAt] ON [certification].[CertificationOutbox] ([ProcessedAt], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151822_CertificationInit'
)
BEGIN
    INSERT INTO [certification].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128151822_CertificationInit', N'10.0.15');
END;

COMMIT;
GO

