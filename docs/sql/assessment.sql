IF OBJECT_ID(N'[assessment].[__EFMigrationsHistory]') IS NULL
BEGIN
    IF SCHEMA_ID(N'assessment') IS NULL EXEC(N'CREATE SCHEMA [assessment];');
    CREATE TABLE [assessment].[__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151813_AssessmentInit'
)
BEGIN
    IF SCHEMA_ID(N'assessment') IS NULL EXEC(N'CREATE SCHEMA [assessment];');
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151813_AssessmentInit'
)
BEGIN
    CREATE TABLE [assessment].[AssessmentInbox] (
        [EventId] uniqueidentifier NOT NULL,
        [Handler] nvarchar(300) NOT NULL,
        [HandledAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_AssessmentInbox] PRIMARY KEY ([EventId], [Handler])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151813_AssessmentInit'
)
BEGIN
    CREATE TABLE [assessment].[AssessmentOutbox] (
        [Id] uniqueidentifier NOT NULL,
        [Type] nvarchar(400) NOT NULL,
        [Payload] nvarchar(max) NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [NextAttemptAt] datetimeoffset NOT NULL,
        [ProcessedAt] datetimeoffset NULL,
        [Attempts] int NOT NULL,
        [LastError] nvarchar(2000) NULL,
        CONSTRAINT [PK_AssessmentOutbox] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151813_AssessmentInit'
)
BEGIN
    CREATE INDEX [IX_AssessmentOutbox_ProcessedAt_NextAttemptAt] ON [assessment].[AssessmentOutbox] ([ProcessedAt], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128151813_AssessmentInit'
)
BEGIN
    INSERT INTO [assessment].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128151813_AssessmentInit', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181932_AssessmentAssignments'
)
BEGIN
    CREATE TABLE [assessment].[Assignments] (
        [Id] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [InstructionsMarkdown] nvarchar(max) NOT NULL,
        [InstructionsHtml] nvarchar(max) NOT NULL,
        [MaxPoints] decimal(7,2) NOT NULL,
        [Category] nvarchar(50) NOT NULL,
        [IsPublished] bit NOT NULL,
        [ReleaseAt] datetimeoffset NOT NULL,
        [DueAt] datetimeoffset NOT NULL,
        [AllowResubmission] bit NOT NULL,
        [LatePolicy] nvarchar(20) NOT NULL,
        [LatePenaltyPercentPerDay] int NULL,
        [MaxAttempts] int NULL,
        [Questions] nvarchar(max) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Assignments] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181932_AssessmentAssignments'
)
BEGIN
    CREATE INDEX [IX_Assignments_CohortId_DueAt] ON [assessment].[Assignments] ([CohortId], [DueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181932_AssessmentAssignments'
)
BEGIN
    INSERT INTO [assessment].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201181932_AssessmentAssignments', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201182737_AssessmentSubmissions'
)
BEGIN
    CREATE TABLE [assessment].[Submissions] (
        [Id] uniqueidentifier NOT NULL,
        [AssignmentId] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [AuthorId] uniqueidentifier NOT NULL,
        [Attempt] int NOT NULL,
        [SubmittedAt] datetimeoffset NOT NULL,
        [DueAt] datetimeoffset NOT NULL,
        [DaysLate] int NOT NULL,
        [PenaltyPercent] int NOT NULL,
        [TextMarkdown] nvarchar(max) NULL,
        [TextHtml] nvarchar(max) NULL,
        [FileIds] nvarchar(1000) NOT NULL,
        [Answers] nvarchar(max) NOT NULL,
        [Score] decimal(7,2) NULL,
        CONSTRAINT [PK_Submissions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201182737_AssessmentSubmissions'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Submissions_AssignmentId_AuthorId_Attempt] ON [assessment].[Submissions] ([AssignmentId], [AuthorId], [Attempt]);
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201182737_AssessmentSubmissions'
)
BEGIN
    INSERT INTO [assessment].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201182737_AssessmentSubmissions', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201194116_AssessmentGrades'
)
BEGIN
    CREATE TABLE [assessment].[GradeChanges] (
        [Id] uniqueidentifier NOT NULL,
        [SubmissionId] uniqueidentifier NOT NULL,
        [ChangedBy] uniqueidentifier NOT NULL,
        [ChangedAt] datetimeoffset NOT NULL,
        [Before_Score] decimal(7,2) NULL,
        [Before_Status] nvarchar(20) NULL,
        [Before_Feedback] nvarchar(max) NULL,
        [Before_OverrideReason] nvarchar(500) NULL,
        [After_Score] decimal(7,2) NOT NULL,
        [After_Status] nvarchar(20) NOT NULL,
        [After_Feedback] nvarchar(max) NOT NULL,
        [After_OverrideReason] nvarchar(500) NULL,
        CONSTRAINT [PK_GradeChanges] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201194116_AssessmentGrades'
)
BEGIN
    CREATE TABLE [assessment].[Grades] (
        [SubmissionId] uniqueidentifier NOT NULL,
        [AssignmentId] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [AuthorId] uniqueidentifier NOT NULL,
        [Score] decimal(7,2) NOT NULL,
        [FeedbackMarkdown] nvarchar(max) NOT NULL,
        [FeedbackHtml] nvarchar(max) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [OverrideReason] nvarchar(500) NULL,
        [GradedBy] uniqueidentifier NOT NULL,
        [GradedAt] datetimeoffset NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Grades] PRIMARY KEY ([SubmissionId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201194116_AssessmentGrades'
)
BEGIN
    CREATE INDEX [IX_GradeChanges_SubmissionId_ChangedAt] ON [assessment].[GradeChanges] ([SubmissionId], [ChangedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201194116_AssessmentGrades'
)
BEGIN
    CREATE INDEX [IX_Grades_AssignmentId_AuthorId] ON [assessment].[Grades] ([AssignmentId], [AuthorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201194116_AssessmentGrades'
)
BEGIN
    INSERT INTO [assessment].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201194116_AssessmentGrades', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201344_AssessmentGroupProjects'
)
BEGIN
    ALTER TABLE [assessment].[Submissions] ADD [GroupId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201344_AssessmentGroupProjects'
)
BEGIN
    ALTER TABLE [assessment].[Submissions] ADD [HandedInBy] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201344_AssessmentGroupProjects'
)
BEGIN
    ALTER TABLE [assessment].[Grades] ADD [Adjustment] decimal(7,2) NOT NULL DEFAULT 0.0;
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201344_AssessmentGroupProjects'
)
BEGIN
    ALTER TABLE [assessment].[Grades] ADD [AdjustmentReason] nvarchar(500) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201344_AssessmentGroupProjects'
)
BEGIN
    ALTER TABLE [assessment].[GradeChanges] ADD [After_Adjustment] decimal(7,2) NOT NULL DEFAULT 0.0;
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201344_AssessmentGroupProjects'
)
BEGIN
    ALTER TABLE [assessment].[GradeChanges] ADD [After_AdjustmentReason] nvarchar(500) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201344_AssessmentGroupProjects'
)
BEGIN
    ALTER TABLE [assessment].[GradeChanges] ADD [Before_Adjustment] decimal(7,2) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201344_AssessmentGroupProjects'
)
BEGIN
    ALTER TABLE [assessment].[GradeChanges] ADD [Before_AdjustmentReason] nvarchar(500) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201344_AssessmentGroupProjects'
)
BEGIN
    CREATE INDEX [IX_Submissions_AssignmentId_GroupId_Attempt] ON [assessment].[Submissions] ([AssignmentId], [GroupId], [Attempt]);
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201344_AssessmentGroupProjects'
)
BEGIN
    INSERT INTO [assessment].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201201344_AssessmentGroupProjects', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201628_AssessmentGradebookPolicies'
)
BEGIN
    CREATE TABLE [assessment].[GradebookPolicies] (
        [CohortId] uniqueidentifier NOT NULL,
        [Categories] nvarchar(max) NOT NULL,
        [PassMark] decimal(5,2) NOT NULL,
        [MissingCountsAsZero] bit NOT NULL,
        [UpdatedAt] datetimeoffset NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_GradebookPolicies] PRIMARY KEY ([CohortId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201628_AssessmentGradebookPolicies'
)
BEGIN
    INSERT INTO [assessment].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201201628_AssessmentGradebookPolicies', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201841_AssessmentRubrics'
)
BEGIN
    ALTER TABLE [assessment].[Grades] ADD [RubricScores] nvarchar(max) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201841_AssessmentRubrics'
)
BEGIN
    ALTER TABLE [assessment].[GradeChanges] ADD [After_RubricScores] nvarchar(max) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201841_AssessmentRubrics'
)
BEGIN
    ALTER TABLE [assessment].[GradeChanges] ADD [Before_RubricScores] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201841_AssessmentRubrics'
)
BEGIN
    ALTER TABLE [assessment].[Assignments] ADD [Rubric] nvarchar(max) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201841_AssessmentRubrics'
)
BEGIN
    CREATE TABLE [assessment].[RubricTemplates] (
        [Id] uniqueidentifier NOT NULL,
        [OrganizationId] uniqueidentifier NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Criteria] nvarchar(max) NOT NULL,
        [CreatedBy] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_RubricTemplates] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201841_AssessmentRubrics'
)
BEGIN
    CREATE INDEX [IX_Grades_CohortId_Status] ON [assessment].[Grades] ([CohortId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201841_AssessmentRubrics'
)
BEGIN
    CREATE INDEX [IX_RubricTemplates_OrganizationId_Title] ON [assessment].[RubricTemplates] ([OrganizationId], [Title]);
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201841_AssessmentRubrics'
)
BEGIN
    INSERT INTO [assessment].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201201841_AssessmentRubrics', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203054221_AssessmentGradeSync'
)
BEGIN
    ALTER TABLE [assessment].[Grades] ADD [UpdatedAt] datetimeoffset NOT NULL DEFAULT '0001-01-01T00:00:00.0000000+00:00';
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203054221_AssessmentGradeSync'
)
BEGIN
    UPDATE [assessment].[Grades] SET [UpdatedAt] = [GradedAt];
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203054221_AssessmentGradeSync'
)
BEGIN
    INSERT INTO [assessment].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203054221_AssessmentGradeSync', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073622_AssessmentLeases'
)
BEGIN
    ALTER TABLE [assessment].[AssessmentOutbox] ADD [LockedBy] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073622_AssessmentLeases'
)
BEGIN
    ALTER TABLE [assessment].[AssessmentOutbox] ADD [LockedUntil] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073622_AssessmentLeases'
)
BEGIN
    CREATE TABLE [assessment].[AssessmentScheduledRuns] (
        [Job] nvarchar(200) NOT NULL,
        [HeldBy] nvarchar(100) NULL,
        [RunningUntil] datetimeoffset NULL,
        [LastRunAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_AssessmentScheduledRuns] PRIMARY KEY ([Job])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [assessment].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073622_AssessmentLeases'
)
BEGIN
    INSERT INTO [assessment].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203073622_AssessmentLeases', N'10.0.15');
END;

COMMIT;
GO

