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

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128153950_CohortsAdmission'
)
BEGIN
    CREATE TABLE [cohorts].[Cohorts] (
        [Id] uniqueidentifier NOT NULL,
        [CourseId] uniqueidentifier NOT NULL,
        [OrganizationId] uniqueidentifier NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Capacity] int NOT NULL,
        [SeatsTaken] int NOT NULL,
        [StartsOn] date NOT NULL,
        [EndsOn] date NOT NULL,
        [ApplicationsOpenAt] datetimeoffset NOT NULL,
        [ApplicationsCloseAt] datetimeoffset NOT NULL,
        [TimeZone] nvarchar(64) NOT NULL,
        [AdmissionMode] nvarchar(30) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Cohorts] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Cohorts_Seats] CHECK ("SeatsTaken" >= 0 AND "SeatsTaken" <= "Capacity")
    );
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128153950_CohortsAdmission'
)
BEGIN
    CREATE TABLE [cohorts].[CohortApplications] (
        [Id] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [ApplicantId] uniqueidentifier NOT NULL,
        [LiveApplicantId] uniqueidentifier NULL,
        [Motivation] nvarchar(max) NOT NULL,
        [AnswersJson] nvarchar(max) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [DecisionNote] nvarchar(2000) NULL,
        [DecidedBy] uniqueidentifier NULL,
        [SubmittedAt] datetimeoffset NOT NULL,
        [DecidedAt] datetimeoffset NULL,
        [WaitlistedAt] datetimeoffset NULL,
        CONSTRAINT [PK_CohortApplications] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CohortApplications_Cohorts_CohortId] FOREIGN KEY ([CohortId]) REFERENCES [cohorts].[Cohorts] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128153950_CohortsAdmission'
)
BEGIN
    CREATE TABLE [cohorts].[CohortGroups] (
        [Id] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CohortGroups] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CohortGroups_Cohorts_CohortId] FOREIGN KEY ([CohortId]) REFERENCES [cohorts].[Cohorts] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128153950_CohortsAdmission'
)
BEGIN
    CREATE TABLE [cohorts].[CohortInvitations] (
        [Id] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [Email] nvarchar(254) NOT NULL,
        [NormalizedEmail] nvarchar(254) NOT NULL,
        [TokenHash] nvarchar(64) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ExpiresAt] datetimeoffset NOT NULL,
        [CreatedBy] uniqueidentifier NOT NULL,
        [AcceptedAt] datetimeoffset NULL,
        [AcceptedBy] uniqueidentifier NULL,
        CONSTRAINT [PK_CohortInvitations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CohortInvitations_Cohorts_CohortId] FOREIGN KEY ([CohortId]) REFERENCES [cohorts].[Cohorts] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128153950_CohortsAdmission'
)
BEGIN
    CREATE TABLE [cohorts].[CohortOrganizations] (
        [CohortId] uniqueidentifier NOT NULL,
        [OrganizationId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_CohortOrganizations] PRIMARY KEY ([CohortId], [OrganizationId]),
        CONSTRAINT [FK_CohortOrganizations_Cohorts_CohortId] FOREIGN KEY ([CohortId]) REFERENCES [cohorts].[Cohorts] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128153950_CohortsAdmission'
)
BEGIN
    CREATE TABLE [cohorts].[CohortMembers] (
        [CohortId] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [Role] nvarchar(20) NOT NULL,
        [MentorId] uniqueidentifier NULL,
        [GroupId] uniqueidentifier NULL,
        [JoinedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CohortMembers] PRIMARY KEY ([CohortId], [UserId]),
        CONSTRAINT [FK_CohortMembers_CohortGroups_GroupId] FOREIGN KEY ([GroupId]) REFERENCES [cohorts].[CohortGroups] ([Id]) ON DELETE SET NULL,
        CONSTRAINT [FK_CohortMembers_Cohorts_CohortId] FOREIGN KEY ([CohortId]) REFERENCES [cohorts].[Cohorts] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128153950_CohortsAdmission'
)
BEGIN
    CREATE INDEX [IX_CohortApplications_ApplicantId] ON [cohorts].[CohortApplications] ([ApplicantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128153950_CohortsAdmission'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_CohortApplications_CohortId_LiveApplicantId] ON [cohorts].[CohortApplications] ([CohortId], [LiveApplicantId]) WHERE [LiveApplicantId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128153950_CohortsAdmission'
)
BEGIN
    CREATE INDEX [IX_CohortApplications_CohortId_Status_WaitlistedAt] ON [cohorts].[CohortApplications] ([CohortId], [Status], [WaitlistedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128153950_CohortsAdmission'
)
BEGIN
    CREATE INDEX [IX_CohortGroups_CohortId] ON [cohorts].[CohortGroups] ([CohortId]);
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128153950_CohortsAdmission'
)
BEGIN
    CREATE INDEX [IX_CohortInvitations_CohortId] ON [cohorts].[CohortInvitations] ([CohortId]);
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128153950_CohortsAdmission'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CohortInvitations_TokenHash] ON [cohorts].[CohortInvitations] ([TokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128153950_CohortsAdmission'
)
BEGIN
    CREATE INDEX [IX_CohortMembers_GroupId] ON [cohorts].[CohortMembers] ([GroupId]);
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128153950_CohortsAdmission'
)
BEGIN
    CREATE INDEX [IX_CohortMembers_UserId] ON [cohorts].[CohortMembers] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128153950_CohortsAdmission'
)
BEGIN
    CREATE INDEX [IX_CohortOrganizations_OrganizationId] ON [cohorts].[CohortOrganizations] ([OrganizationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128153950_CohortsAdmission'
)
BEGIN
    CREATE INDEX [IX_Cohorts_OrganizationId] ON [cohorts].[Cohorts] ([OrganizationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128153950_CohortsAdmission'
)
BEGIN
    INSERT INTO [cohorts].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128153950_CohortsAdmission', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128162116_CohortsApplicationVersion'
)
BEGIN
    ALTER TABLE [cohorts].[CohortApplications] ADD [Version] uniqueidentifier NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128162116_CohortsApplicationVersion'
)
BEGIN
    INSERT INTO [cohorts].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128162116_CohortsApplicationVersion', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145505_CohortsPartnerConsent'
)
BEGIN
    ALTER TABLE [cohorts].[CohortOrganizations] ADD [DecidedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145505_CohortsPartnerConsent'
)
BEGIN
    ALTER TABLE [cohorts].[CohortOrganizations] ADD [DecidedBy] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145505_CohortsPartnerConsent'
)
BEGIN
    ALTER TABLE [cohorts].[CohortOrganizations] ADD [Status] nvarchar(20) NOT NULL DEFAULT N'Accepted';
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145505_CohortsPartnerConsent'
)
BEGIN
    INSERT INTO [cohorts].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201145505_CohortsPartnerConsent', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145636_CohortsVersions'
)
BEGIN
    ALTER TABLE [cohorts].[CohortMembers] ADD [Version] uniqueidentifier NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145636_CohortsVersions'
)
BEGIN
    ALTER TABLE [cohorts].[CohortGroups] ADD [Version] uniqueidentifier NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145636_CohortsVersions'
)
BEGIN
    INSERT INTO [cohorts].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201145636_CohortsVersions', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201173336_CohortsMentorIndex'
)
BEGIN
    CREATE INDEX [IX_CohortMembers_CohortId_MentorId] ON [cohorts].[CohortMembers] ([CohortId], [MentorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201173336_CohortsMentorIndex'
)
BEGIN
    INSERT INTO [cohorts].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201173336_CohortsMentorIndex', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202135505_CohortsOptionalApplicationWindow'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[cohorts].[Cohorts]') AND [c].[name] = N'ApplicationsOpenAt');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [cohorts].[Cohorts] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [cohorts].[Cohorts] ALTER COLUMN [ApplicationsOpenAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202135505_CohortsOptionalApplicationWindow'
)
BEGIN
    DECLARE @var1 nvarchar(max);
    SELECT @var1 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[cohorts].[Cohorts]') AND [c].[name] = N'ApplicationsCloseAt');
    IF @var1 IS NOT NULL EXEC(N'ALTER TABLE [cohorts].[Cohorts] DROP CONSTRAINT ' + @var1 + ';');
    ALTER TABLE [cohorts].[Cohorts] ALTER COLUMN [ApplicationsCloseAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202135505_CohortsOptionalApplicationWindow'
)
BEGIN
    INSERT INTO [cohorts].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202135505_CohortsOptionalApplicationWindow', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202171000_CohortsOrganizationSuspended'
)
BEGIN
    ALTER TABLE [cohorts].[Cohorts] ADD [OrganizationSuspended] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202171000_CohortsOrganizationSuspended'
)
BEGIN
    INSERT INTO [cohorts].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202171000_CohortsOrganizationSuspended', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202225835_CohortsMemberSync'
)
BEGIN
    ALTER TABLE [cohorts].[CohortMembers] ADD [UpdatedAt] datetimeoffset NOT NULL DEFAULT '0001-01-01T00:00:00.0000000+00:00';
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202225835_CohortsMemberSync'
)
BEGIN
    UPDATE [cohorts].[CohortMembers] SET [UpdatedAt] = [JoinedAt];
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202225835_CohortsMemberSync'
)
BEGIN
    CREATE TABLE [cohorts].[CohortMemberRemovals] (
        [Id] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [Role] nvarchar(20) NOT NULL,
        [JoinedAt] datetimeoffset NOT NULL,
        [RemovedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CohortMemberRemovals] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202225835_CohortsMemberSync'
)
BEGIN
    CREATE INDEX [IX_CohortMembers_CohortId_UpdatedAt] ON [cohorts].[CohortMembers] ([CohortId], [UpdatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202225835_CohortsMemberSync'
)
BEGIN
    CREATE INDEX [IX_CohortMemberRemovals_CohortId_RemovedAt] ON [cohorts].[CohortMemberRemovals] ([CohortId], [RemovedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202225835_CohortsMemberSync'
)
BEGIN
    INSERT INTO [cohorts].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202225835_CohortsMemberSync', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051554_CohortsApplicationSync'
)
BEGIN
    ALTER TABLE [cohorts].[CohortApplications] ADD [UpdatedAt] datetimeoffset NOT NULL DEFAULT '0001-01-01T00:00:00.0000000+00:00';
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051554_CohortsApplicationSync'
)
BEGIN
    UPDATE [cohorts].[CohortApplications] SET [UpdatedAt] = COALESCE([DecidedAt], [SubmittedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051554_CohortsApplicationSync'
)
BEGIN
    CREATE INDEX [IX_CohortApplications_CohortId_UpdatedAt] ON [cohorts].[CohortApplications] ([CohortId], [UpdatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203051554_CohortsApplicationSync'
)
BEGIN
    INSERT INTO [cohorts].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203051554_CohortsApplicationSync', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073223_CohortsLeases'
)
BEGIN
    ALTER TABLE [cohorts].[CohortsOutbox] ADD [LockedBy] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073223_CohortsLeases'
)
BEGIN
    ALTER TABLE [cohorts].[CohortsOutbox] ADD [LockedUntil] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073223_CohortsLeases'
)
BEGIN
    CREATE TABLE [cohorts].[CohortsScheduledRuns] (
        [Job] nvarchar(200) NOT NULL,
        [HeldBy] nvarchar(100) NULL,
        [RunningUntil] datetimeoffset NULL,
        [LastRunAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CohortsScheduledRuns] PRIMARY KEY ([Job])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [cohorts].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073223_CohortsLeases'
)
BEGIN
    INSERT INTO [cohorts].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203073223_CohortsLeases', N'10.0.15');
END;

COMMIT;
GO

