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

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202050233_CertificationCertificates'
)
BEGIN
    CREATE TABLE [certification].[CertificateEvents] (
        [Id] uniqueidentifier NOT NULL,
        [CertificateId] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [HolderId] uniqueidentifier NOT NULL,
        [Action] nvarchar(20) NOT NULL,
        [ActorId] uniqueidentifier NOT NULL,
        [At] datetimeoffset NOT NULL,
        [Reason] nvarchar(500) NULL,
        CONSTRAINT [PK_CertificateEvents] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202050233_CertificationCertificates'
)
BEGIN
    CREATE TABLE [certification].[Certificates] (
        [Id] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [HolderId] uniqueidentifier NOT NULL,
        [IssuerOrganizationId] uniqueidentifier NOT NULL,
        [HolderName] nvarchar(200) NOT NULL,
        [CourseTitle] nvarchar(200) NOT NULL,
        [CohortTitle] nvarchar(200) NOT NULL,
        [OrganizationNames] nvarchar(max) NOT NULL,
        [CohortStartsOn] date NOT NULL,
        [CohortEndsOn] date NOT NULL,
        [FinalGrade] decimal(5,2) NULL,
        [VerificationCode] nvarchar(26) NOT NULL,
        [ShortCode] nvarchar(12) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [IssuedBy] uniqueidentifier NOT NULL,
        [IssuedAt] datetimeoffset NOT NULL,
        [RevokedBy] uniqueidentifier NULL,
        [RevokedAt] datetimeoffset NULL,
        [RevocationReason] nvarchar(500) NULL,
        [CredentialJwt] nvarchar(max) NULL,
        [StatusListIndex] int NULL,
        [Competencies] nvarchar(max) NULL,
        CONSTRAINT [PK_Certificates] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202050233_CertificationCertificates'
)
BEGIN
    CREATE TABLE [certification].[CertificationRules] (
        [CohortId] uniqueidentifier NOT NULL,
        [MinFinalGrade] decimal(5,2) NULL,
        [MinCompletionPercent] int NULL,
        [MinAttendancePercent] int NULL,
        [RequiredAssignmentIds] nvarchar(max) NOT NULL,
        [RequiredCompetencyCodes] nvarchar(max) NOT NULL,
        [UpdatedBy] uniqueidentifier NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_CertificationRules] PRIMARY KEY ([CohortId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202050233_CertificationCertificates'
)
BEGIN
    CREATE TABLE [certification].[SigningKeys] (
        [Id] nvarchar(64) NOT NULL,
        [OrganizationId] uniqueidentifier NOT NULL,
        [Algorithm] nvarchar(10) NOT NULL,
        [ProtectedPrivateKey] nvarchar(4000) NOT NULL,
        [PublicJwk] nvarchar(1000) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [RetiredAt] datetimeoffset NULL,
        CONSTRAINT [PK_SigningKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202050233_CertificationCertificates'
)
BEGIN
    CREATE INDEX [IX_CertificateEvents_CertificateId] ON [certification].[CertificateEvents] ([CertificateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202050233_CertificationCertificates'
)
BEGIN
    CREATE INDEX [IX_CertificateEvents_CohortId_At] ON [certification].[CertificateEvents] ([CohortId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202050233_CertificationCertificates'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Certificates_CohortId_HolderId] ON [certification].[Certificates] ([CohortId], [HolderId]) WHERE "Status" = ''Valid''');
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202050233_CertificationCertificates'
)
BEGIN
    CREATE INDEX [IX_Certificates_HolderId] ON [certification].[Certificates] ([HolderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202050233_CertificationCertificates'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Certificates_IssuerOrganizationId_StatusListIndex] ON [certification].[Certificates] ([IssuerOrganizationId], [StatusListIndex]) WHERE "StatusListIndex" IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202050233_CertificationCertificates'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Certificates_ShortCode] ON [certification].[Certificates] ([ShortCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202050233_CertificationCertificates'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Certificates_VerificationCode] ON [certification].[Certificates] ([VerificationCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202050233_CertificationCertificates'
)
BEGIN
    CREATE INDEX [IX_SigningKeys_OrganizationId_CreatedAt] ON [certification].[SigningKeys] ([OrganizationId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202050233_CertificationCertificates'
)
BEGIN
    INSERT INTO [certification].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202050233_CertificationCertificates', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203053158_CertificationCertificateSync'
)
BEGIN
    ALTER TABLE [certification].[Certificates] ADD [UpdatedAt] datetimeoffset NOT NULL DEFAULT '0001-01-01T00:00:00.0000000+00:00';
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203053158_CertificationCertificateSync'
)
BEGIN
    UPDATE [certification].[Certificates] SET [UpdatedAt] = COALESCE([RevokedAt], [IssuedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203053158_CertificationCertificateSync'
)
BEGIN
    CREATE INDEX [IX_Certificates_CohortId_UpdatedAt] ON [certification].[Certificates] ([CohortId], [UpdatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203053158_CertificationCertificateSync'
)
BEGIN
    INSERT INTO [certification].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203053158_CertificationCertificateSync', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073858_CertificationLeases'
)
BEGIN
    ALTER TABLE [certification].[CertificationOutbox] ADD [LockedBy] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073858_CertificationLeases'
)
BEGIN
    ALTER TABLE [certification].[CertificationOutbox] ADD [LockedUntil] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073858_CertificationLeases'
)
BEGIN
    CREATE TABLE [certification].[CertificationScheduledRuns] (
        [Job] nvarchar(200) NOT NULL,
        [HeldBy] nvarchar(100) NULL,
        [RunningUntil] datetimeoffset NULL,
        [LastRunAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CertificationScheduledRuns] PRIMARY KEY ([Job])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073858_CertificationLeases'
)
BEGIN
    INSERT INTO [certification].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203073858_CertificationLeases', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204144926_CertificationCompetenciesAsText'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[certification].[Certificates]') AND [c].[name] = N'Competencies');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [certification].[Certificates] DROP CONSTRAINT ' + @var + ';');
    EXEC(N'UPDATE [certification].[Certificates] SET [Competencies] = N''[]'' WHERE [Competencies] IS NULL');
    ALTER TABLE [certification].[Certificates] ALTER COLUMN [Competencies] nvarchar(max) NOT NULL;
    ALTER TABLE [certification].[Certificates] ADD DEFAULT N'[]' FOR [Competencies];
END;

IF NOT EXISTS (
    SELECT * FROM [certification].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204144926_CertificationCompetenciesAsText'
)
BEGIN
    INSERT INTO [certification].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204144926_CertificationCompetenciesAsText', N'10.0.15');
END;

COMMIT;
GO

