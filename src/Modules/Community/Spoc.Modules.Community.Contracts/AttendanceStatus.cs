namespace Spoc.Modules.Community.Contracts;

/// <summary>How a learner attended a session; Excused leaves the session out of their attendance rate (docs/adr/0028).</summary>
public enum AttendanceStatus
{
    Present,
    Late,
    Absent,
    Excused,
}
