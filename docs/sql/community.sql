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

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234512_CommunityForums'
)
BEGIN
    CREATE TABLE [community].[ForumPosts] (
        [Id] uniqueidentifier NOT NULL,
        [ThreadId] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [Number] int NOT NULL,
        [AuthorId] uniqueidentifier NOT NULL,
        [ByStaff] bit NOT NULL,
        [ReplyToPostId] uniqueidentifier NULL,
        [Body] nvarchar(max) NOT NULL,
        [BodyHtml] nvarchar(max) NOT NULL,
        [MentionedUserIds] nvarchar(4000) NOT NULL,
        [Attachments] nvarchar(4000) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [EditedAt] datetimeoffset NULL,
        [DeletedAt] datetimeoffset NULL,
        [HiddenAt] datetimeoffset NULL,
        [HiddenReason] nvarchar(500) NULL,
        [HiddenById] uniqueidentifier NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ForumPosts] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234512_CommunityForums'
)
BEGIN
    CREATE TABLE [community].[ForumReactions] (
        [PostId] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [Emoji] nvarchar(20) NOT NULL,
        CONSTRAINT [PK_ForumReactions] PRIMARY KEY ([PostId], [UserId], [Emoji])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234512_CommunityForums'
)
BEGIN
    CREATE TABLE [community].[ForumReadMarkers] (
        [ThreadId] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [LastReadNumber] int NOT NULL,
        CONSTRAINT [PK_ForumReadMarkers] PRIMARY KEY ([ThreadId], [UserId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234512_CommunityForums'
)
BEGIN
    CREATE TABLE [community].[ForumThreads] (
        [Id] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [GroupId] uniqueidentifier NULL,
        [Title] nvarchar(200) NOT NULL,
        [AuthorId] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [LastPostAt] datetimeoffset NOT NULL,
        [PostCount] int NOT NULL,
        [IsAnnouncement] bit NOT NULL,
        [IsPinned] bit NOT NULL,
        [IsLocked] bit NOT NULL,
        [AnswerPostId] uniqueidentifier NULL,
        [AnsweredByStaff] bit NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ForumThreads] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234512_CommunityForums'
)
BEGIN
    CREATE TABLE [community].[ForumThreadAudiences] (
        [ThreadId] uniqueidentifier NOT NULL,
        [GroupId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ForumThreadAudiences] PRIMARY KEY ([ThreadId], [GroupId]),
        CONSTRAINT [FK_ForumThreadAudiences_ForumThreads_ThreadId] FOREIGN KEY ([ThreadId]) REFERENCES [community].[ForumThreads] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234512_CommunityForums'
)
BEGIN
    CREATE INDEX [IX_ForumPosts_CohortId] ON [community].[ForumPosts] ([CohortId]);
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234512_CommunityForums'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ForumPosts_ThreadId_Number] ON [community].[ForumPosts] ([ThreadId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234512_CommunityForums'
)
BEGIN
    CREATE INDEX [IX_ForumReadMarkers_UserId] ON [community].[ForumReadMarkers] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234512_CommunityForums'
)
BEGIN
    CREATE INDEX [IX_ForumThreads_CohortId_IsPinned_LastPostAt] ON [community].[ForumThreads] ([CohortId], [IsPinned], [LastPostAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234512_CommunityForums'
)
BEGIN
    INSERT INTO [community].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201234512_CommunityForums', N'10.0.15');
END;

COMMIT;
GO

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234730_CommunityForumSearch'
)
BEGIN
    CREATE FULLTEXT CATALOG ForumCatalog WITH ACCENT_SENSITIVITY = OFF;
END;
GO

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234730_CommunityForumSearch'
)
BEGIN
    CREATE FULLTEXT INDEX ON community.ForumPosts (Body LANGUAGE 0) KEY INDEX PK_ForumPosts ON ForumCatalog WITH CHANGE_TRACKING AUTO;
END;
GO

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234730_CommunityForumSearch'
)
BEGIN
    INSERT INTO [community].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201234730_CommunityForumSearch', N'10.0.15');
END;
GO

