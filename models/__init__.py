"""SQLModel tables. Importing this package registers every table on SQLModel.metadata."""

from models import catalogue as catalogue  # the catalogue admins edit, shared by processes
from models import consultations as consultations  # issue 7: meetings, topics, polls
from models import orders as orders
from models import scheduling as scheduling  # issue 6: jobs, deliveries, broadcasts
from models.org import Building, Community, Grid, shown_name
from models.users import (
    AuditEvent,
    Invitation,
    MemberProfile,
    MemberStatus,
    MoveState,
    Role,
    StaffScope,
    User,
)

__all__ = [
    "AuditEvent",
    "Building",
    "Community",
    "Grid",
    "Invitation",
    "MemberProfile",
    "MemberStatus",
    "MoveState",
    "Role",
    "StaffScope",
    "User",
    "shown_name",
]
