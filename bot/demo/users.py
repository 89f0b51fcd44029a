"""Demo users with fixed Telegram ids, listed on the sandbox page and in README."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoUser:
    """One demo account and what it is in the demo sub-district."""

    id: int
    first_name: str
    label: str  # shown on the sandbox page: admin, staff, grid worker, member, resident, new
    language_code: str = "zh-hans"
    last_name: str | None = None
    admin: bool = False
    staff_community: str | None = None
    staff_grid: str | None = None
    member: dict[str, str] = field(
        default_factory=dict
    )  # real_name, unit, phone, skills, community, named ("yes": may be named publicly)
    address: tuple[str, str, str] | None = None  # community, building, room
    phone: str | None = None
    verified: bool = False


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser(1001, "王主任", "admin", admin=True),
    DemoUser(2001, "李社工", "staff", staff_community="阳光社区"),
    DemoUser(2002, "张网格员", "grid worker", staff_community="阳光社区", staff_grid="第一网格"),
    DemoUser(2003, "陈社工", "staff", staff_community="和谐社区"),
    DemoUser(
        3001,
        "刘师傅",
        "member",
        member={
            "real_name": "刘建国",
            "unit": "区住建局",
            "phone": "13800000001",
            "skills": "plumbing,electrical,appliance_repair",
            "community": "阳光社区",
            "named": "yes",  # agreed to be named on results and the points board
        },
        address=("阳光社区", "2号楼", "101"),
        verified=True,
    ),
    DemoUser(
        3002,
        "赵医生",
        "member",
        member={
            "real_name": "赵敏",
            "unit": "社区卫生服务中心",
            "phone": "13800000002",
            "skills": "medical,elderly_care,escort",
            "community": "阳光社区",
        },
    ),
    DemoUser(
        3003,
        "孙律师",
        "member",
        member={
            "real_name": "孙立",
            "unit": "明理律师事务所",
            "phone": "13800000003",
            "skills": "legal,mediation,policy",
            "community": "和谐社区",
        },
    ),
    DemoUser(
        4001,
        "周阿姨",
        "resident",
        address=("阳光社区", "1号楼", "302"),
        phone="13900000001",
        verified=True,
    ),
    DemoUser(4002, "吴大爷", "resident", address=("阳光社区", "1号楼", "502"), verified=True),
    DemoUser(
        4003,
        "郑先生",
        "resident",
        address=("阳光社区", "5号楼", "101"),
        phone="13900000003",
        verified=True,
    ),
    DemoUser(4004, "冯女士", "resident", address=("和谐社区", "东1栋", "201"), verified=True),
    DemoUser(4005, "黄奶奶", "resident", address=("阳光社区", "1号楼", "302"), verified=True),
    DemoUser(5001, "小林", "new user"),
    DemoUser(5002, "Alex", "new user", language_code="en", last_name="Smith"),
)

ADMIN_IDS = tuple(u.id for u in DEMO_USERS if u.admin)


@dataclass(frozen=True)
class DemoGroup:
    """A group or channel the bot is in."""

    id: int
    title: str
    type: str
    members: tuple[int, ...] = ()


DEMO_GROUPS: tuple[DemoGroup, ...] = (
    DemoGroup(-1001000000001, "阳光社区公示", "channel"),
    DemoGroup(-1001000000002, "和谐社区公示", "channel"),
    DemoGroup(
        -1002000000001,
        "阳光社区居民群",
        "supergroup",
        members=(2001, 2002, 3001, 3002, 4001, 4002, 4003, 4005),
    ),
)
