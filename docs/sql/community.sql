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

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235708_CommunityNotifications'
)
BEGIN
    CREATE TABLE [community].[Conversations] (
        [Id] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [LearnerId] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [LastMessageAt] datetimeoffset NULL,
        CONSTRAINT [PK_Conversations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235708_CommunityNotifications'
)
BEGIN
    CREATE TABLE [community].[NotificationEmails] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [To] nvarchar(320) NOT NULL,
        [Subject] nvarchar(400) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [State] nvarchar(20) NOT NULL,
        [DueAt] datetimeoffset NOT NULL,
        [Attempts] int NOT NULL,
        [SentAt] datetimeoffset NULL,
        [LastError] nvarchar(2000) NULL,
        [DigestOf] date NULL,
        CONSTRAINT [PK_NotificationEmails] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235708_CommunityNotifications'
)
BEGIN
    CREATE TABLE [community].[Notifications] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [Title] nvarchar(300) NOT NULL,
        [Summary] nvarchar(500) NULL,
        [Link] nvarchar(300) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ReadAt] datetimeoffset NULL,
        [InFeed] bit NOT NULL,
        [AwaitsDigest] bit NOT NULL,
        CONSTRAINT [PK_Notifications] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235708_CommunityNotifications'
)
BEGIN
    CREATE TABLE [community].[NotificationSettings] (
        [UserId] uniqueidentifier NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        [DailyDigest] bit NOT NULL,
        [Channels] nvarchar(2000) NOT NULL,
        CONSTRAINT [PK_NotificationSettings] PRIMARY KEY ([UserId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235708_CommunityNotifications'
)
BEGIN
    CREATE TABLE [community].[ConversationMessages] (
        [Id] uniqueidentifier NOT NULL,
        [ConversationId] uniqueidentifier NOT NULL,
        [AuthorId] uniqueidentifier NOT NULL,
        [Body] nvarchar(4000) NOT NULL,
        [BodyHtml] nvarchar(max) NOT NULL,
        [SentAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ConversationMessages] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ConversationMessages_Conversations_ConversationId] FOREIGN KEY ([ConversationId]) REFERENCES [community].[Conversations] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235708_CommunityNotifications'
)
BEGIN
    CREATE TABLE [community].[ConversationReaders] (
        [ConversationId] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [ReadUpTo] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ConversationReaders] PRIMARY KEY ([ConversationId], [UserId]),
        CONSTRAINT [FK_ConversationReaders_Conversations_ConversationId] FOREIGN KEY ([ConversationId]) REFERENCES [community].[Conversations] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235708_CommunityNotifications'
)
BEGIN
    CREATE INDEX [IX_ConversationMessages_ConversationId_SentAt] ON [community].[ConversationMessages] ([ConversationId], [SentAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235708_CommunityNotifications'
)
BEGIN
    CREATE INDEX [IX_Conversations_CohortId_LastMessageAt] ON [community].[Conversations] ([CohortId], [LastMessageAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235708_CommunityNotifications'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Conversations_CohortId_LearnerId] ON [community].[Conversations] ([CohortId], [LearnerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235708_CommunityNotifications'
)
BEGIN
    CREATE INDEX [IX_NotificationEmails_State_DueAt] ON [community].[NotificationEmails] ([State], [DueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235708_CommunityNotifications'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_NotificationEmails_UserId_DigestOf] ON [community].[NotificationEmails] ([UserId], [DigestOf]) WHERE [DigestOf] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235708_CommunityNotifications'
)
BEGIN
    CREATE INDEX [IX_Notifications_AwaitsDigest_UserId] ON [community].[Notifications] ([AwaitsDigest], [UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235708_CommunityNotifications'
)
BEGIN
    CREATE INDEX [IX_Notifications_UserId_CreatedAt] ON [community].[Notifications] ([UserId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235708_CommunityNotifications'
)
BEGIN
    INSERT INTO [community].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201235708_CommunityNotifications', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202020629_CommunityLiveSessions'
)
BEGIN
    CREATE TABLE [community].[LiveSessions] (
        [Id] uniqueidentifier NOT NULL,
        [CohortId] uniqueidentifier NOT NULL,
        [GroupId] uniqueidentifier NULL,
        [SeriesId] uniqueidentifier NULL,
        [Occurrence] int NULL,
        [Title] nvarchar(200) NOT NULL,
        [Description] nvarchar(max) NOT NULL,
        [DescriptionHtml] nvarchar(max) NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [StartsAt] datetimeoffset NOT NULL,
        [EndsAt] datetimeoffset NOT NULL,
        [MeetingUrl] nvarchar(2000) NULL,
        [Place] nvarchar(200) NULL,
        [Room] nvarchar(100) NULL,
        [Address] nvarchar(500) NULL,
        [CancelledAt] datetimeoffset NULL,
        [CancellationReason] nvarchar(500) NULL,
        [Sequence] int NOT NULL,
        [CreatedBy] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_LiveSessions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202020629_CommunityLiveSessions'
)
BEGIN
    CREATE TABLE [community].[LiveSessionPreparations] (
        [SessionId] uniqueidentifier NOT NULL,
        [ActivityId] uniqueidentifier NOT NULL,
        [Position] int NOT NULL,
        CONSTRAINT [PK_LiveSessionPreparations] PRIMARY KEY ([SessionId], [ActivityId]),
        CONSTRAINT [FK_LiveSessionPreparations_LiveSessions_SessionId] FOREIGN KEY ([SessionId]) REFERENCES [community].[LiveSessions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202020629_CommunityLiveSessions'
)
BEGIN
    CREATE INDEX [IX_LiveSessions_CohortId_StartsAt] ON [community].[LiveSessions] ([CohortId], [StartsAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202020629_CommunityLiveSessions'
)
BEGIN
    CREATE INDEX [IX_LiveSessions_SeriesId] ON [community].[LiveSessions] ([SeriesId]);
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202020629_CommunityLiveSessions'
)
BEGIN
    INSERT INTO [community].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202020629_CommunityLiveSessions', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021915_CommunityCalendarFeeds'
)
BEGIN
    CREATE TABLE [community].[CalendarFeeds] (
        [UserId] uniqueidentifier NOT NULL,
        [TokenHash] nvarchar(64) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CalendarFeeds] PRIMARY KEY ([UserId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021915_CommunityCalendarFeeds'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CalendarFeeds_TokenHash] ON [community].[CalendarFeeds] ([TokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021915_CommunityCalendarFeeds'
)
BEGIN
    INSERT INTO [community].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202021915_CommunityCalendarFeeds', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202024344_CommunitySessionAttendance'
)
BEGIN
    ALTER TABLE [community].[LiveSessions] ADD [AttendanceVersion] uniqueidentifier NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202024344_CommunitySessionAttendance'
)
BEGIN
    ALTER TABLE [community].[LiveSessions] ADD [CheckInCode] nvarchar(6) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202024344_CommunitySessionAttendance'
)
BEGIN
    CREATE TABLE [community].[LiveSessionAttendance] (
        [SessionId] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [CheckedInAt] datetimeoffset NULL,
        [RecordedBy] uniqueidentifier NOT NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_LiveSessionAttendance] PRIMARY KEY ([SessionId], [UserId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202024344_CommunitySessionAttendance'
)
BEGIN
    CREATE TABLE [community].[LiveSessionCheckInAttempts] (
        [SessionId] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [Count] int NOT NULL,
        [LastAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_LiveSessionCheckInAttempts] PRIMARY KEY ([SessionId], [UserId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202024344_CommunitySessionAttendance'
)
BEGIN
    CREATE TABLE [community].[LiveSessionReminders] (
        [SessionId] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [SentAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_LiveSessionReminders] PRIMARY KEY ([SessionId], [UserId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202024344_CommunitySessionAttendance'
)
BEGIN
    INSERT INTO [community].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202024344_CommunitySessionAttendance', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073754_CommunityLeases'
)
BEGIN
    ALTER TABLE [community].[CommunityOutbox] ADD [LockedBy] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073754_CommunityLeases'
)
BEGIN
    ALTER TABLE [community].[CommunityOutbox] ADD [LockedUntil] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073754_CommunityLeases'
)
BEGIN
    CREATE TABLE [community].[CommunityScheduledRuns] (
        [Job] nvarchar(200) NOT NULL,
        [HeldBy] nvarchar(100) NULL,
        [RunningUntil] datetimeoffset NULL,
        [LastRunAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CommunityScheduledRuns] PRIMARY KEY ([Job])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [community].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203073754_CommunityLeases'
)
BEGIN
    INSERT INTO [community].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203073754_CommunityLeases', N'10.0.15');
END;

COMMIT;
GO

