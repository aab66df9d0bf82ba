IF OBJECT_ID(N'[followup].[__EFMigrationsHistory]') IS NULL
BEGIN
    IF SCHEMA_ID(N'followup') IS NULL EXEC(N'CREATE SCHEMA [followup];');
    CREATE TABLE [followup].[__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202080742_FollowUpModel'
)
BEGIN
    IF SCHEMA_ID(N'followup') IS NULL EXEC(N'CREATE SCHEMA [followup];');
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202080742_FollowUpModel'
)
BEGIN
    CREATE TABLE [followup].[FollowUpActions] (
        [Id] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [LearnerId] uniqueidentifier NOT NULL,
        [AuthorId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Details] nvarchar(4000) NULL,
        [DueOn] date NOT NULL,
        [ExtensionDays] int NULL,
        [ResourceUrl] nvarchar(2000) NULL,
        [Status] nvarchar(20) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [DoneBy] uniqueidentifier NULL,
        [DoneAt] datetimeoffset NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_FollowUpActions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202080742_FollowUpModel'
)
BEGIN
    CREATE TABLE [followup].[FollowUpInbox] (
        [EventId] uniqueidentifier NOT NULL,
        [Handler] nvarchar(300) NOT NULL,
        [HandledAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_FollowUpInbox] PRIMARY KEY ([EventId], [Handler])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202080742_FollowUpModel'
)
BEGIN
    CREATE TABLE [followup].[FollowUpLearnerEvents] (
        [Id] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [LearnerId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [SubjectId] uniqueidentifier NOT NULL,
        [At] datetimeoffset NOT NULL,
        [ActorId] uniqueidentifier NULL,
        [Value] decimal(7,2) NULL,
        [Detail] nvarchar(200) NULL,
        CONSTRAINT [PK_FollowUpLearnerEvents] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202080742_FollowUpModel'
)
BEGIN
    CREATE TABLE [followup].[FollowUpNotes] (
        [Id] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [LearnerId] uniqueidentifier NOT NULL,
        [AuthorId] uniqueidentifier NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [BodyHtml] nvarchar(max) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [EditedAt] datetimeoffset NULL,
        CONSTRAINT [PK_FollowUpNotes] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202080742_FollowUpModel'
)
BEGIN
    CREATE TABLE [followup].[FollowUpOutbox] (
        [Id] uniqueidentifier NOT NULL,
        [Type] nvarchar(400) NOT NULL,
        [Payload] nvarchar(max) NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [NextAttemptAt] datetimeoffset NOT NULL,
        [ProcessedAt] datetimeoffset NULL,
        [Attempts] int NOT NULL,
        [LastError] nvarchar(2000) NULL,
        CONSTRAINT [PK_FollowUpOutbox] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202080742_FollowUpModel'
)
BEGIN
    CREATE TABLE [followup].[FollowUpRiskRules] (
        [CohortId] uniqueidentifier NOT NULL,
        [UpdatedBy] uniqueidentifier NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        [Rules] nvarchar(max) NULL,
        CONSTRAINT [PK_FollowUpRiskRules] PRIMARY KEY ([CohortId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202080742_FollowUpModel'
)
BEGIN
    CREATE TABLE [followup].[FollowUpSignals] (
        [CohortId] uniqueidentifier NOT NULL,
        [LearnerId] uniqueidentifier NOT NULL,
        [MentorId] uniqueidentifier NULL,
        [Active] bit NOT NULL,
        [FollowedFrom] datetimeoffset NOT NULL,
        [LastActivityAt] datetimeoffset NULL,
        [ActivitiesDone] int NOT NULL,
        [ActivitiesExpected] int NOT NULL,
        [ActivitiesTotal] int NOT NULL,
        [MissedDeadlines] int NOT NULL,
        [LateSubmissions] int NOT NULL,
        [AverageGrade] decimal(5,2) NULL,
        [GradeTrend] decimal(6,2) NULL,
        [AttendanceRate] decimal(5,2) NULL,
        [Absences] int NOT NULL,
        [ForumPosts] int NOT NULL,
        [LastContactAt] datetimeoffset NULL,
        [Level] nvarchar(20) NOT NULL,
        [LevelChangedAt] datetimeoffset NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [Reasons] nvarchar(max) NULL,
        CONSTRAINT [PK_FollowUpSignals] PRIMARY KEY ([CohortId], [LearnerId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202080742_FollowUpModel'
)
BEGIN
    CREATE TABLE [followup].[FollowUpSkills] (
        [CohortId] uniqueidentifier NOT NULL,
        [LearnerId] uniqueidentifier NOT NULL,
        [CompetencyCode] nvarchar(50) NOT NULL,
        [Mastery] decimal(5,2) NULL,
        [ActivitiesDone] int NOT NULL,
        [ActivitiesTotal] int NOT NULL,
        [AcquiredAt] datetimeoffset NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_FollowUpSkills] PRIMARY KEY ([CohortId], [LearnerId], [CompetencyCode])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202080742_FollowUpModel'
)
BEGIN
    CREATE INDEX [IX_FollowUpActions_CohortId_LearnerId_DueOn] ON [followup].[FollowUpActions] ([CohortId], [LearnerId], [DueOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202080742_FollowUpModel'
)
BEGIN
    CREATE INDEX [IX_FollowUpLearnerEvents_CohortId_LearnerId_At] ON [followup].[FollowUpLearnerEvents] ([CohortId], [LearnerId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202080742_FollowUpModel'
)
BEGIN
    CREATE UNIQUE INDEX [IX_FollowUpLearnerEvents_CohortId_LearnerId_Kind_SubjectId] ON [followup].[FollowUpLearnerEvents] ([CohortId], [LearnerId], [Kind], [SubjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202080742_FollowUpModel'
)
BEGIN
    CREATE INDEX [IX_FollowUpNotes_CohortId_LearnerId_CreatedAt] ON [followup].[FollowUpNotes] ([CohortId], [LearnerId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202080742_FollowUpModel'
)
BEGIN
    CREATE INDEX [IX_FollowUpOutbox_ProcessedAt_NextAttemptAt] ON [followup].[FollowUpOutbox] ([ProcessedAt], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202080742_FollowUpModel'
)
BEGIN
    CREATE INDEX [IX_FollowUpSignals_CohortId_MentorId] ON [followup].[FollowUpSignals] ([CohortId], [MentorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202080742_FollowUpModel'
)
BEGIN
    CREATE INDEX [IX_FollowUpSkills_LearnerId] ON [followup].[FollowUpSkills] ([LearnerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202080742_FollowUpModel'
)
BEGIN
    INSERT INTO [followup].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202080742_FollowUpModel', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203074046_FollowUpLeases'
)
BEGIN
    ALTER TABLE [followup].[FollowUpOutbox] ADD [LockedBy] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203074046_FollowUpLeases'
)
BEGIN
    ALTER TABLE [followup].[FollowUpOutbox] ADD [LockedUntil] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203074046_FollowUpLeases'
)
BEGIN
    CREATE TABLE [followup].[FollowUpScheduledRuns] (
        [Job] nvarchar(200) NOT NULL,
        [HeldBy] nvarchar(100) NULL,
        [RunningUntil] datetimeoffset NULL,
        [LastRunAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_FollowUpScheduledRuns] PRIMARY KEY ([Job])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203074046_FollowUpLeases'
)
BEGIN
    INSERT INTO [followup].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203074046_FollowUpLeases', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204144840_FollowUpJsonListsAsText'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[followup].[FollowUpSignals]') AND [c].[name] = N'Reasons');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [followup].[FollowUpSignals] DROP CONSTRAINT ' + @var + ';');
    EXEC(N'UPDATE [followup].[FollowUpSignals] SET [Reasons] = N''[]'' WHERE [Reasons] IS NULL');
    ALTER TABLE [followup].[FollowUpSignals] ALTER COLUMN [Reasons] nvarchar(max) NOT NULL;
    ALTER TABLE [followup].[FollowUpSignals] ADD DEFAULT N'[]' FOR [Reasons];
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204144840_FollowUpJsonListsAsText'
)
BEGIN
    DECLARE @var1 nvarchar(max);
    SELECT @var1 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[followup].[FollowUpRiskRules]') AND [c].[name] = N'Rules');
    IF @var1 IS NOT NULL EXEC(N'ALTER TABLE [followup].[FollowUpRiskRules] DROP CONSTRAINT ' + @var1 + ';');
    EXEC(N'UPDATE [followup].[FollowUpRiskRules] SET [Rules] = N''[]'' WHERE [Rules] IS NULL');
    ALTER TABLE [followup].[FollowUpRiskRules] ALTER COLUMN [Rules] nvarchar(max) NOT NULL;
    ALTER TABLE [followup].[FollowUpRiskRules] ADD DEFAULT N'[]' FOR [Rules];
END;

IF NOT EXISTS (
    SELECT * FROM [followup].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204144840_FollowUpJsonListsAsText'
)
BEGIN
    INSERT INTO [followup].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204144840_FollowUpJsonListsAsText', N'10.0.15');
END;

COMMIT;
GO

