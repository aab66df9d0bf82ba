IF OBJECT_ID(N'[courses].[__EFMigrationsHistory]') IS NULL
BEGIN
    IF SCHEMA_ID(N'courses') IS NULL EXEC(N'CREATE SCHEMA [courses];');
    CREATE TABLE [courses].[__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151809_CoursesInit'
)
BEGIN
    IF SCHEMA_ID(N'courses') IS NULL EXEC(N'CREATE SCHEMA [courses];');
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151809_CoursesInit'
)
BEGIN
    CREATE TABLE [courses].[CoursesInbox] (
        [EventId] uniqueidentifier NOT NULL,
        [Handler] nvarchar(300) NOT NULL,
        [HandledAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CoursesInbox] PRIMARY KEY ([EventId], [Handler])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151809_CoursesInit'
)
BEGIN
    CREATE TABLE [courses].[CoursesOutbox] (
        [Id] uniqueidentifier NOT NULL,
        [Type] nvarchar(400) NOT NULL,
        [Payload] nvarchar(max) NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [NextAttemptAt] datetimeoffset NOT NULL,
        [ProcessedAt] datetimeoffset NULL,
        [Attempts] int NOT NULL,
        [LastError] nvarchar(2000) NULL,
        CONSTRAINT [PK_CoursesOutbox] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151809_CoursesInit'
)
BEGIN
    CREATE INDEX [IX_CoursesOutbox_ProcessedAt_NextAttemptAt] ON [courses].[CoursesOutbox] ([ProcessedAt], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151809_CoursesInit'
)
BEGIN
    INSERT INTO [courses].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128151809_CoursesInit', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128154015_CoursesCatalog'
)
BEGIN
    CREATE TABLE [courses].[Courses] (
        [Id] uniqueidentifier NOT NULL,
        [OrganizationId] uniqueidentifier NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Summary] nvarchar(4000) NOT NULL,
        [Language] nvarchar(20) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Courses] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128154015_CoursesCatalog'
)
BEGIN
    CREATE TABLE [courses].[CourseCompetencies] (
        [CourseId] uniqueidentifier NOT NULL,
        [Code] nvarchar(20) NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_CourseCompetencies] PRIMARY KEY ([CourseId], [Code]),
        CONSTRAINT [FK_CourseCompetencies_Courses_CourseId] FOREIGN KEY ([CourseId]) REFERENCES [courses].[Courses] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128154015_CoursesCatalog'
)
BEGIN
    CREATE INDEX [IX_Courses_OrganizationId] ON [courses].[Courses] ([OrganizationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128154015_CoursesCatalog'
)
BEGIN
    INSERT INTO [courses].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128154015_CoursesCatalog', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128155342_CoursesAuthoring'
)
BEGIN
    ALTER TABLE [courses].[Courses] ADD [IsPublished] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128155342_CoursesAuthoring'
)
BEGIN
    ALTER TABLE [courses].[Courses] ADD [Version] uniqueidentifier NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128155342_CoursesAuthoring'
)
BEGIN
    CREATE TABLE [courses].[CourseSections] (
        [Id] uniqueidentifier NOT NULL,
        [CourseId] uniqueidentifier NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Position] int NOT NULL,
        CONSTRAINT [PK_CourseSections] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CourseSections_Courses_CourseId] FOREIGN KEY ([CourseId]) REFERENCES [courses].[Courses] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128155342_CoursesAuthoring'
)
BEGIN
    CREATE TABLE [courses].[CourseActivities] (
        [Id] uniqueidentifier NOT NULL,
        [CourseId] uniqueidentifier NOT NULL,
        [SectionId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [ContentMarkdown] nvarchar(max) NOT NULL,
        [ContentHtml] nvarchar(max) NOT NULL,
        [Url] nvarchar(2000) NULL,
        [Position] int NOT NULL,
        [OffsetDays] int NOT NULL,
        [DueOffsetDays] int NULL,
        [DurationMinutes] int NOT NULL,
        [CompetencyCodes] nvarchar(2000) NOT NULL,
        CONSTRAINT [PK_CourseActivities] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CourseActivities_CourseSections_SectionId] FOREIGN KEY ([SectionId]) REFERENCES [courses].[CourseSections] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128155342_CoursesAuthoring'
)
BEGIN
    CREATE INDEX [IX_CourseActivities_CourseId] ON [courses].[CourseActivities] ([CourseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128155342_CoursesAuthoring'
)
BEGIN
    CREATE INDEX [IX_CourseActivities_SectionId_Position] ON [courses].[CourseActivities] ([SectionId], [Position]);
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128155342_CoursesAuthoring'
)
BEGIN
    CREATE INDEX [IX_CourseSections_CourseId_Position] ON [courses].[CourseSections] ([CourseId], [Position]);
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128155342_CoursesAuthoring'
)
BEGIN
    INSERT INTO [courses].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128155342_CoursesAuthoring', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128160049_CoursesProgress'
)
BEGIN
    CREATE TABLE [courses].[CourseCohortLearners] (
        [CohortId] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [EnrolledAt] datetimeoffset NOT NULL,
        [WithdrawnAt] datetimeoffset NULL,
        CONSTRAINT [PK_CourseCohortLearners] PRIMARY KEY ([CohortId], [UserId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128160049_CoursesProgress'
)
BEGIN
    CREATE TABLE [courses].[CourseCompletions] (
        [CohortId] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [ActivityId] uniqueidentifier NOT NULL,
        [CompletedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CourseCompletions] PRIMARY KEY ([CohortId], [UserId], [ActivityId]),
        CONSTRAINT [FK_CourseCompletions_CourseActivities_ActivityId] FOREIGN KEY ([ActivityId]) REFERENCES [courses].[CourseActivities] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128160049_CoursesProgress'
)
BEGIN
    CREATE TABLE [courses].[CourseExtraResources] (
        [Id] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Url] nvarchar(2000) NULL,
        [ContentHtml] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_CourseExtraResources] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128160049_CoursesProgress'
)
BEGIN
    CREATE TABLE [courses].[CoursePacingShifts] (
        [Id] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [ActivityId] uniqueidentifier NULL,
        [Days] int NOT NULL,
        CONSTRAINT [PK_CoursePacingShifts] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128160049_CoursesProgress'
)
BEGIN
    CREATE INDEX [IX_CourseCompletions_ActivityId] ON [courses].[CourseCompletions] ([ActivityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128160049_CoursesProgress'
)
BEGIN
    CREATE INDEX [IX_CourseExtraResources_CohortId_UserId] ON [courses].[CourseExtraResources] ([CohortId], [UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128160049_CoursesProgress'
)
BEGIN
    CREATE INDEX [IX_CoursePacingShifts_CohortId_UserId] ON [courses].[CoursePacingShifts] ([CohortId], [UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128160049_CoursesProgress'
)
BEGIN
    INSERT INTO [courses].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128160049_CoursesProgress', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128160621_CoursesActivityFiles'
)
BEGIN
    ALTER TABLE [courses].[CourseActivities] ADD [FileId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128160621_CoursesActivityFiles'
)
BEGIN
    INSERT INTO [courses].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128160621_CoursesActivityFiles', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128163117_CoursesLearnerOrdering'
)
BEGIN
    ALTER TABLE [courses].[CourseCohortLearners] ADD [LastChangeAt] datetimeoffset NOT NULL DEFAULT '0001-01-01T00:00:00.0000000+00:00';
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128163117_CoursesLearnerOrdering'
)
BEGIN
    INSERT INTO [courses].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128163117_CoursesLearnerOrdering', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128165923_CoursesExtraResourceMarkdown'
)
BEGIN
    ALTER TABLE [courses].[CourseExtraResources] ADD [ContentMarkdown] nvarchar(max) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128165923_CoursesExtraResourceMarkdown'
)
BEGIN
    INSERT INTO [courses].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128165923_CoursesExtraResourceMarkdown', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145528_CoursesVersions'
)
BEGIN
    ALTER TABLE [courses].[CourseSections] ADD [Version] uniqueidentifier NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145528_CoursesVersions'
)
BEGIN
    ALTER TABLE [courses].[CourseActivities] ADD [Version] uniqueidentifier NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145528_CoursesVersions'
)
BEGIN
    CREATE TABLE [courses].[CoursePacings] (
        [CohortId] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_CoursePacings] PRIMARY KEY ([CohortId], [UserId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145528_CoursesVersions'
)
BEGIN
    INSERT INTO [courses].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201145528_CoursesVersions', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073418_CoursesLeases'
)
BEGIN
    ALTER TABLE [courses].[CoursesOutbox] ADD [LockedBy] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073418_CoursesLeases'
)
BEGIN
    ALTER TABLE [courses].[CoursesOutbox] ADD [LockedUntil] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073418_CoursesLeases'
)
BEGIN
    CREATE TABLE [courses].[CoursesScheduledRuns] (
        [Job] nvarchar(200) NOT NULL,
        [HeldBy] nvarchar(100) NULL,
        [RunningUntil] datetimeoffset NULL,
        [LastRunAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CoursesScheduledRuns] PRIMARY KEY ([Job])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [courses].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073418_CoursesLeases'
)
BEGIN
    INSERT INTO [courses].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203073418_CoursesLeases', N'10.0.15');
END;

COMMIT;
GO

