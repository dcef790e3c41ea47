"""`functools.cached_property` without the lock that Python 3.11 takes on every first access
(3.12 dropped it): the rules compute a few properties of thousands of short-lived objects, and
the lock cost more than most of the properties themselves. The same semantics otherwise: the
value is computed once and stored in the instance's __dict__, which later reads find first."""

from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar, overload

T = TypeVar("T")


class cached_property(Generic[T]):
    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.attrname = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.attrname = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> Self: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> "T | Self":
        if instance is None:
            return self
        value = instance.__dict__[self.attrname] = self.func(instance)
        return value
