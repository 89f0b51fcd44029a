"""Phone numbers as people in mainland China give them (table-driven)."""

from __future__ import annotations

import pytest

from services.errors import InvalidInput
from services.validation import contact_phone, phone_number

GOOD = [
    ("13900000001", "13900000001"),
    ("139 0000 0001", "13900000001"),
    ("139-0000-0001", "13900000001"),
    ("+86 139 0000 0001", "13900000001"),
    ("+86-13900000001", "13900000001"),
    ("0086 139 0000 0001", "13900000001"),
    ("8613900000001", "13900000001"),
    ("１３９０００００００１", "13900000001"),  # full-width digits from a Chinese keyboard
    ("幺三九 零零零零 零零零一", "13900000001"),  # read out digit by digit, as older people do
    ("一三九零零零零零零零一", "13900000001"),
    ("我的电话是幺三九 零零零零 零零零一", "13900000001"),  # said in a sentence
    ("手机号：139 0000 0001，谢谢", "13900000001"),
    ("021-12345678", "021-12345678"),
    ("02112345678", "021-12345678"),
    ("(021) 1234 5678", "021-12345678"),
    ("010-87654321", "010-87654321"),
    ("0755-2345678", "0755-2345678"),
    ("0571 88886666", "0571-88886666"),
    ("+86 21 1234 5678", "021-12345678"),
    ("+44 7700 900123", "+447700900123"),  # a foreign SIM, written internationally
    # said in a sentence, as to a person: the words before the number dropped
    ("my phone is 139 1234 5678", "13912345678"),
    ("My number is +86 139 0000 0001", "13900000001"),
    ("My mobile number: 13900000001", "13900000001"),
    ("Tel: 021-12345678", "021-12345678"),
    ("it's 13900000001.", "13900000001"),
    ("我的手机号是13900000001", "13900000001"),
    ("手机号：139 0000 0001", "13900000001"),
    # a number changed, said in words
    ("我换手机号了，新号码13912345678", "13912345678"),
    ("我的手机号换了，是13912345678", "13912345678"),
    ("电话改成13912345678", "13912345678"),
    ("手机号换了：139 1234 5678", "13912345678"),
    ("新号码是13912345678", "13912345678"),
    ("请帮我把电话改为13912345678", "13912345678"),
]

BAD = [
    "12345",
    "1234567",  # seven digits: a landline without its area code
    "12345678",
    "123456789012345",  # 15 digits: accepted before as 'any 7–15 digits'
    "12900000001",  # no mobile starts with 12
    "1390000000",  # ten digits
    "139000000012",  # twelve
    "021-0234567",  # a local number does not start with 0
    "021-123456",  # too short
    "+86 999",
    "abc电话",
    "my phone is broken",
    "phone",
    "139 0000 000一",
    "",
    "   ",
    "+8613900000001" * 3,
    "我换手机号了",  # no number in it
    "我家水管13912345678",
]


@pytest.mark.parametrize(("typed", "stored"), GOOD)
def test_numbers_people_type_are_kept_in_one_form(typed: str, stored: str) -> None:
    assert phone_number(typed) == stored


@pytest.mark.parametrize("typed", BAD)
def test_numbers_that_are_not_phones_are_refused(typed: str) -> None:
    with pytest.raises(InvalidInput) as err:
        phone_number(typed)
    assert err.value.key == "err-phone-invalid"


@pytest.mark.parametrize(
    ("shared", "stored"),
    [
        ("8613900000001", "13900000001"),
        ("+8613900000001", "13900000001"),
        ("447700900123", "+447700900123"),
        ("+86 139 1234 5678", "13912345678"),
    ],
)
def test_a_shared_contact_is_read_as_international(shared: str, stored: str) -> None:
    assert contact_phone(shared) == stored
