IF OBJECT_ID(N'[kernel].[__EFMigrationsHistory]') IS NULL
BEGIN
    IF SCHEMA_ID(N'kernel') IS NULL EXEC(N'CREATE SCHEMA [kernel];');
    CREATE TABLE [kernel].[__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [kernel].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151755_KernelInit'
)
BEGIN
    IF SCHEMA_ID(N'kernel') IS NULL EXEC(N'CREATE SCHEMA [kernel];');
END;

IF NOT EXISTS (
    SELECT * FROM [kernel].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151755_KernelInit'
)
BEGIN
    CREATE TABLE [kernel].[IdempotencyRecords] (
        [Scope] nvarchar(300) NOT NULL,
        [Key] nvarchar(100) NOT NULL,
        [RequestHash] nvarchar(64) NOT NULL,
        [Completed] bit NOT NULL,
        [StatusCode] int NOT NULL,
        [ContentType] nvarchar(200) NULL,
        [Location] nvarchar(2000) NULL,
        [Body] varbinary(max) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_IdempotencyRecords] PRIMARY KEY ([Scope], [Key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [kernel].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151755_KernelInit'
)
BEGIN
    CREATE INDEX [IX_IdempotencyRecords_CreatedAt] ON [kernel].[IdempotencyRecords] ([CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [kernel].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151755_KernelInit'
)
BEGIN
    INSERT INTO [kernel].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128151755_KernelInit', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [kernel].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201150237_KernelIdempotencySealed'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[kernel].[IdempotencyRecords]') AND [c].[name] = N'Location');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [kernel].[IdempotencyRecords] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [kernel].[IdempotencyRecords] DROP COLUMN [Location];
END;

IF NOT EXISTS (
    SELECT * FROM [kernel].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201150237_KernelIdempotencySealed'
)
BEGIN
    INSERT INTO [kernel].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201150237_KernelIdempotencySealed', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [kernel].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203072831_KernelLeases'
)
BEGIN
    CREATE TABLE [kernel].[KernelScheduledRuns] (
        [Job] nvarchar(200) NOT NULL,
        [HeldBy] nvarchar(100) NULL,
        [RunningUntil] datetimeoffset NULL,
        [LastRunAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_KernelScheduledRuns] PRIMARY KEY ([Job])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [kernel].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203072831_KernelLeases'
)
BEGIN
    INSERT INTO [kernel].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203072831_KernelLeases', N'10.0.15');
END;

COMMIT;
GO

