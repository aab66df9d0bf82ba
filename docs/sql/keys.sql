IF OBJECT_ID(N'[keys].[__EFMigrationsHistory]') IS NULL
BEGIN
    IF SCHEMA_ID(N'keys') IS NULL EXEC(N'CREATE SCHEMA [keys];');
    CREATE TABLE [keys].[__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [keys].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073456_KeysInit'
)
BEGIN
    IF SCHEMA_ID(N'keys') IS NULL EXEC(N'CREATE SCHEMA [keys];');
END;

IF NOT EXISTS (
    SELECT * FROM [keys].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073456_KeysInit'
)
BEGIN
    CREATE TABLE [keys].[DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [keys].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073456_KeysInit'
)
BEGIN
    INSERT INTO [keys].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203073456_KeysInit', N'10.0.15');
END;

COMMIT;
GO

